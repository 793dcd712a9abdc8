package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.syntax.FuncBody;
import dev.wippy.lua.syntax.Stat;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Everything the resolver found out about a chunk, keyed by syntax-tree node identity. */
final class Resolution {
    final FunctionScope main;
    /** The implicit {@code _ENV} the main function receives as its only upvalue. */
    final LocalVar env;
    final Map<FuncBody, FunctionScope> functions = new IdentityHashMap<>();
    final Map<Expr.Name, Binding> names = new IdentityHashMap<>();
    final Map<Object, List<LocalVar>> declared = new IdentityHashMap<>();
    final Map<FuncBody, List<LocalVar>> parameters = new IdentityHashMap<>();
    final Map<Stat.TypeDecl, LocalVar> types = new IdentityHashMap<>();
    /** The variable that {@code function a.b.c()} reads (or writes, for {@code function a()}). */
    final Map<Stat.FunctionStat, Binding> functionTargets = new IdentityHashMap<>();
    /**
     * The chunk uses the debug library: its locals live in cells bound to a frame per call and its code reports to
     * debug hooks, so that the library can see what PUC shows.
     */
    boolean inspectable;
    /** For each {@code for} loop, the frame index of its first hidden state value (PUC's "(for state)"). */
    final Map<Stat, Integer> forStates = new IdentityHashMap<>();
    /** For each goto, its label; for each break, its loop statement. */
    final Map<Stat, Stat> jumpTargets = new IdentityHashMap<>();

    Resolution(FunctionScope main, LocalVar env) {
        this.main = main;
        this.env = env;
    }

    FunctionScope scopeOf(FuncBody body) {
        return functions.get(body);
    }
}
