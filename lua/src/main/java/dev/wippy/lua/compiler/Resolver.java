package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Block;
import dev.wippy.lua.syntax.Chunk;
import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.syntax.FuncBody;
import dev.wippy.lua.syntax.LuaSyntaxError;
import dev.wippy.lua.syntax.Param;
import dev.wippy.lua.syntax.Stat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds every name to a local, an upvalue, a type value or a global; finds which locals are captured or
 * reassigned; checks what PUC checks after parsing (gotos and labels, {@code break} outside loops, assignments to
 * {@code <const>} variables).
 */
final class Resolver {
    private final String chunkName;
    private final Resolution result;
    private int nextFunctionId = 1;
    private Scope scope;
    /** Whether the chunk names {@code debug} (the library, or a local holding it). */
    private boolean usesDebug;
    private static final byte[] TRACEBACK = "traceback".getBytes(StandardCharsets.US_ASCII);
    /** The line being resolved, for the errors of PUC's limits. */
    private int line;

    /**
     * Upvalues are constructor parameters of the function's class, and a JVM method takes at most 254 besides
     * {@code this}: one less than PUC's limit of 255.
     */
    private static final int MAX_UPVALUES = 254;

    private Resolver(String chunkName, Resolution result) {
        this.chunkName = chunkName;
        this.result = result;
    }

    static Resolution resolve(Chunk chunk) {
        FunctionScope outer = new FunctionScope(null, null, -1);
        LocalVar env = new LocalVar("_ENV", Stat.Attrib.NONE, outer, false);
        env.captured = true;
        FunctionScope main = new FunctionScope(outer, null, 0);
        main.upvalueFor(env);
        Resolution r = new Resolution(main, env);
        Resolver resolver = new Resolver(chunk.name(), r);
        Scope outerScope = new Scope(null, outer, false);
        outerScope.vars.add(env);
        resolver.scope = outerScope;
        resolver.function(main, List.of(), chunk.body(), chunk.body().endLine());
        if (resolver.usesDebug) {
            r.inspectable = true;
            env.inspectable = true;
            markInspectable(main);
        }
        return r;
    }

    private static void markInspectable(FunctionScope fs) {
        for (LocalVar v : fs.locals) {
            v.inspectable = !v.isTypeValue;
        }
        fs.children.forEach(Resolver::markInspectable);
    }

    // ---------------------------------------------------------------- scopes

    /** A block's visible names plus what goto resolution needs. */
    private static final class Scope {
        final Scope parent;
        final FunctionScope function;
        final boolean isLoop;
        final List<LocalVar> vars = new ArrayList<>();
        final Map<String, LocalVar> types = new HashMap<>();
        final List<LabelInfo> labels = new ArrayList<>();
        final List<PendingJump> pending = new ArrayList<>();
        Stat loopStat;

        Scope(Scope parent, FunctionScope function, boolean isLoop) {
            this.parent = parent;
            this.function = function;
            this.isLoop = isLoop;
        }
    }

    private record LabelInfo(Stat.Label stat, int index, int activeLocals) {}

    /** A goto (or break) not yet matched; {@code index}/{@code activeLocals} are relative to the current block. */
    private record PendingJump(Stat stat, String label, int line, int index, int activeLocals) {}

    private void function(FunctionScope fs, List<LocalVar> params, Block body, int endLine) {
        Scope saved = scope;
        scope = new Scope(saved, fs, false);
        for (LocalVar p : params) {
            declare(p);
        }
        List<PendingJump> unresolved = block(body, false);
        for (PendingJump j : unresolved) {
            throw undefinedJump(j, endLine);
        }
        scope = saved;
    }

    private LuaSyntaxError undefinedJump(PendingJump j, int line) {
        String msg = j.stat() instanceof Stat.Break
                ? "break outside loop at line " + j.line()
                : "no visible label '" + j.label() + "' for <goto> at line " + j.line();
        return new LuaSyntaxError(chunkName, line, 0, msg, null);
    }

    private void declare(LocalVar v) {
        usesDebug |= v.name.equals("debug");
        scope.vars.add(v);
        v.owner.locals.add(v);
        v.frameIndex = v.owner.frameSize++;
    }

    private LocalVar newLocal(String name, Stat.Attrib attrib) {
        return new LocalVar(name, attrib, scope.function, false);
    }

    /**
     * Resolves a block in a new scope (or the current one for a function body) and returns the jumps it could not
     * resolve, relative to the enclosing block.
     */
    private List<PendingJump> block(Block b, boolean newScope) {
        return block(b, newScope ? new Scope(scope, scope.function, false) : null, null);
    }

    private List<PendingJump> block(Block b, Scope fresh, Runnable beforeEnd) {
        Scope saved = scope;
        if (fresh != null) {
            scope = fresh;
        }
        int localsAtEntry = scope.vars.size();
        List<Stat> stats = b.stats();
        for (int i = 0; i < stats.size(); i++) {
            Stat st = stats.get(i);
            int active = scope.vars.size() - localsAtEntry;
            if (st instanceof Stat.Label l) {
                checkRepeatedLabel(l);
                scope.labels.add(new LabelInfo(l, i, isAtEnd(stats, i) && !repeatBodies.contains(b) ? 0 : active));
            }
            int pendingBefore = scope.pending.size();
            statement(st, i, active);
            for (int p = pendingBefore; p < scope.pending.size(); p++) {
                PendingJump j = scope.pending.get(p);
                scope.pending.set(p, new PendingJump(j.stat(), j.label(), j.line(), i, active));
            }
        }
        if (beforeEnd != null) {
            beforeEnd.run();
        }
        List<PendingJump> unresolved = new ArrayList<>();
        for (PendingJump j : scope.pending) {
            if (j.stat() instanceof Stat.Break) {
                if (scope.isLoop) {
                    result.jumpTargets.put(j.stat(), scope.loopStat);
                } else {
                    unresolved.add(j);
                }
                continue;
            }
            LabelInfo target = null;
            for (LabelInfo l : scope.labels) {
                if (l.stat().name().equals(j.label())) {
                    target = l;
                }
            }
            if (target == null) {
                unresolved.add(j);
                continue;
            }
            if (target.index() > j.index() && target.activeLocals() > j.activeLocals()) {
                LocalVar entered = scope.vars.get(localsAtEntry + j.activeLocals());
                throw new LuaSyntaxError(chunkName, target.stat().line(), 0, "<goto " + j.label() + "> at line "
                        + j.line() + " jumps into the scope of local '" + entered.name + "'", null);
            }
            result.jumpTargets.put(j.stat(), target.stat());
        }
        scope = saved;
        return unresolved;
    }

    /** A label followed only by other labels is outside the scope of the block's locals (PUC's rule). */
    private static boolean isAtEnd(List<Stat> stats, int i) {
        for (int j = i + 1; j < stats.size(); j++) {
            if (!(stats.get(j) instanceof Stat.Label)) {
                return false;
            }
        }
        return true;
    }

    private final java.util.Set<Block> repeatBodies =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private void checkRepeatedLabel(Stat.Label l) {
        for (Scope s = scope; s != null && s.function == scope.function; s = s.parent) {
            for (LabelInfo other : s.labels) {
                if (other.stat().name().equals(l.name())) {
                    throw new LuaSyntaxError(chunkName, l.line(), 0, "label '" + l.name()
                            + "' already defined on line " + other.stat().line(), null);
                }
            }
        }
    }

    /** Hands the jumps a nested block could not resolve to the current block. */
    private void propagate(List<PendingJump> jumps) {
        scope.pending.addAll(jumps);
    }

    // ---------------------------------------------------------------- statements

    private void statement(Stat st, int index, int active) {
        line = st.line();
        switch (st) {
            case Stat.Local l -> {
                for (Expr e : l.values()) {
                    expr(e);
                }
                List<LocalVar> vars = new ArrayList<>();
                for (Stat.LocalName n : l.names()) {
                    vars.add(newLocal(n.name(), n.attrib()));
                }
                int n = vars.size();
                if (n == l.values().size() && l.names().get(n - 1).attrib() == Stat.Attrib.CONST) {
                    // like PUC, only the last variable of the statement can become a compile-time constant
                    vars.get(n - 1).constant = ConstantExpressions.value(l.values().get(n - 1), result.names);
                }
                for (LocalVar v : vars) {
                    declare(v);
                }
                result.declared.put(l, vars);
            }
            case Stat.LocalFunction lf -> {
                LocalVar v = newLocal(lf.name(), Stat.Attrib.NONE);
                v.isLocalFunction = true;
                declare(v);
                result.declared.put(lf, List.of(v));
                FunctionScope fs = functionExpr(lf.body());
                fs.definedAs = v;
            }
            case Stat.FunctionStat fst -> {
                String first = fst.path().getFirst();
                Binding b;
                if (fst.path().size() == 1 && fst.method() == null) {
                    b = bindForWrite(first, fst.line());
                } else {
                    b = bindForRead(first);
                }
                result.functionTargets.put(fst, b);
                functionExpr(fst.body());
            }
            case Stat.Assign a -> {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Name n) {
                        result.names.put(n, bindForWrite(n.name(), a.line()));
                    } else if (t instanceof Expr.Index ix) {
                        expr(ix.object());
                        expr(ix.key());
                    }
                }
                for (Expr e : a.values()) {
                    expr(e);
                }
            }
            case Stat.CallStat c -> expr(c.call());
            case Stat.Do d -> propagate(block(d.body(), true));
            case Stat.While w -> {
                expr(w.condition());
                propagate(loopBlock(w, w.body(), List.of(), null));
            }
            case Stat.Repeat r -> {
                repeatBodies.add(r.body());
                propagate(loopBlock(r, r.body(), List.of(), r.condition()));
            }
            case Stat.If i -> {
                for (int k = 0; k < i.conditions().size(); k++) {
                    expr(i.conditions().get(k));
                    propagate(block(i.blocks().get(k), true));
                }
                if (i.orElse() != null) {
                    propagate(block(i.orElse(), true));
                }
            }
            case Stat.NumericFor f -> {
                expr(f.start());
                expr(f.limit());
                if (f.step() != null) {
                    expr(f.step());
                }
                hiddenForState(f, NUMERIC_FOR_STATE);
                LocalVar v = newLocal(f.variable(), Stat.Attrib.NONE);
                result.declared.put(f, List.of(v));
                propagate(loopBlock(f, f.body(), List.of(v), null));
            }
            case Stat.GenericFor f -> {
                for (Expr e : f.values()) {
                    expr(e);
                }
                hiddenForState(f, GENERIC_FOR_STATE);
                List<LocalVar> vars = new ArrayList<>();
                for (String n : f.names()) {
                    vars.add(newLocal(n, Stat.Attrib.NONE));
                }
                result.declared.put(f, vars);
                propagate(loopBlock(f, f.body(), vars, null));
            }
            case Stat.Return r -> {
                for (Expr e : r.values()) {
                    expr(e);
                }
            }
            case Stat.Break b -> scope.pending.add(new PendingJump(b, "break", b.line(), index, active));
            case Stat.Goto g -> scope.pending.add(new PendingJump(g, g.label(), g.line(), index, active));
            case Stat.Label ignored -> {
            }
            case Stat.TypeDecl t -> {
                LocalVar v = new LocalVar(t.name(), Stat.Attrib.CONST, result.main, true);
                result.main.locals.add(v);
                result.types.put(t, v);
                scope.types.put(t.name(), v);
            }
            case Stat.InterfaceDecl ignored -> {
            }
        }
    }

    /** The values PUC keeps for a loop before its variables: start, limit and step, or the iterator's four. */
    static final int NUMERIC_FOR_STATE = 3;
    static final int GENERIC_FOR_STATE = 4;

    private void hiddenForState(Stat loop, int values) {
        result.forStates.put(loop, scope.function.frameSize);
        scope.function.frameSize += values;
    }

    /** A loop body: a scope that catches {@code break}, with the loop variables declared in it. */
    private List<PendingJump> loopBlock(Stat loop, Block body, List<LocalVar> vars, Expr untilCondition) {
        Scope s = new Scope(scope, scope.function, true);
        s.loopStat = loop;
        Scope saved = scope;
        scope = s;
        for (LocalVar v : vars) {
            declare(v);
        }
        scope = saved;
        return block(body, s, untilCondition == null ? null : () -> expr(untilCondition));
    }

    // ---------------------------------------------------------------- expressions

    private void expr(Expr e) {
        line = e.line();
        switch (e) {
            case Expr.Name n -> result.names.put(n, bindForRead(n.name()));
            case Expr.Function f -> functionExpr(f.body());
            case Expr.Index ix when isTraceback(ix) -> {
                // debug.traceback (the usual xpcall handler) reads no locals: the chunk keeps its fast layout
                boolean before = usesDebug;
                SubExpressions.each(e, this::expr);
                usesDebug = before;
            }
            default -> SubExpressions.each(e, this::expr);
        }
    }

    private static boolean isTraceback(Expr.Index ix) {
        return ix.object() instanceof Expr.Name n && n.name().equals("debug") && ix.key() instanceof Expr.Str k
                && Arrays.equals(k.value(), TRACEBACK);
    }

    private FunctionScope functionExpr(FuncBody body) {
        FunctionScope fs = new FunctionScope(scope.function, body, nextFunctionId++);
        result.functions.put(body, fs);
        List<LocalVar> params = new ArrayList<>();
        if (body.isMethod()) {
            params.add(new LocalVar("self", Stat.Attrib.NONE, fs, false));
        }
        for (Param p : body.params()) {
            params.add(new LocalVar(p.name(), Stat.Attrib.NONE, fs, false));
        }
        result.parameters.put(body, params);
        function(fs, params, body.body(), body.endLine());
        return fs;
    }

    // ---------------------------------------------------------------- names

    private LocalVar lookupVariable(String name) {
        for (Scope s = scope; s != null; s = s.parent) {
            for (int i = s.vars.size() - 1; i >= 0; i--) {
                if (s.vars.get(i).name.equals(name)) {
                    return s.vars.get(i);
                }
            }
        }
        return null;
    }

    private LocalVar lookupType(String name) {
        for (Scope s = scope; s != null; s = s.parent) {
            LocalVar t = s.types.get(name);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private Binding bindVariable(LocalVar v) {
        FunctionScope current = scope.function;
        if (v.owner == current) {
            return new Binding.Local(v);
        }
        v.captured = true;
        Upvalue u = current.upvalueFor(v);
        for (FunctionScope f = current; f != v.owner; f = f.parent) {
            if (f.upvalues.size() > MAX_UPVALUES) {
                throw tooManyUpvalues(f);
            }
        }
        return new Binding.Up(u);
    }

    /** PUC's {@code errorlimit} message, with this engine's limit. */
    private LuaSyntaxError tooManyUpvalues(FunctionScope f) {
        String where = f.isMain() ? "main function" : "function at line " + f.body.line();
        return new LuaSyntaxError(chunkName, line, 0, "too many upvalues (limit is " + MAX_UPVALUES + ") in " + where,
                null);
    }

    private Binding bindForRead(String name) {
        usesDebug |= name.equals("debug");
        LocalVar v = lookupVariable(name);
        if (v != null) {
            return bindVariable(v);
        }
        LocalVar t = lookupType(name);
        if (t != null) {
            return bindVariable(t);
        }
        return new Binding.Global(name, bindVariable(lookupVariable("_ENV")));
    }

    private Binding bindForWrite(String name, int line) {
        LocalVar v = lookupVariable(name);
        if (v == null) {
            return new Binding.Global(name, bindVariable(lookupVariable("_ENV")));
        }
        if (v.isReadOnly()) {
            throw new LuaSyntaxError(chunkName, line, 0, "attempt to assign to const variable '" + name + "'", null);
        }
        v.reassigned = true;
        return bindVariable(v);
    }
}
