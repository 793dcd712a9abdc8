package dev.wippy.lua.compiler;

import dev.wippy.lua.memory.Sizes;
import dev.wippy.lua.syntax.Block;
import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.syntax.FuncBody;
import dev.wippy.lua.syntax.Stat;
import dev.wippy.lua.syntax.TableField;
import dev.wippy.lua.vm.FunctionInfo;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.wippy.lua.compiler.Types.BOOLEAN;
import static dev.wippy.lua.compiler.Types.CELL;
import static dev.wippy.lua.compiler.Types.D;
import static dev.wippy.lua.compiler.Types.DOUBLE;
import static dev.wippy.lua.compiler.Types.FUNCTION;
import static dev.wippy.lua.compiler.Types.I;
import static dev.wippy.lua.compiler.Types.J;
import static dev.wippy.lua.compiler.Types.LONG;
import static dev.wippy.lua.compiler.Types.MULTI;
import static dev.wippy.lua.compiler.Types.OBJECT;
import static dev.wippy.lua.compiler.Types.OBJECTS;
import static dev.wippy.lua.compiler.Types.OPS;
import static dev.wippy.lua.compiler.Types.STATE;
import static dev.wippy.lua.compiler.Types.STRING;
import static dev.wippy.lua.compiler.Types.TABLE;
import static dev.wippy.lua.compiler.Types.V;
import static dev.wippy.lua.compiler.Types.Z;
import static dev.wippy.lua.compiler.Types.mt;

/**
 * Compiles one function's body into the {@code lua$body} method of its class. Values travel on the JVM stack as
 * objects, except for expressions and locals that {@link TypeInference} proved to be integers or floats, which use
 * {@code long}/{@code double}. Every invoke instruction is recorded with the descriptions of its operands (a
 * {@link FunctionInfo.Site}), from which error messages and tracebacks later get PUC's variable names. This class
 * sets up the frame and compiles blocks, statements and expressions; numeric {@code for} loops, conditions,
 * operators, calls and descriptions have their own compilers, which share its code builder and slots.
 */
final class BodyCompiler {
    static final int STATE_SLOT = 1;

    final ChunkCompiler chunk;
    final Resolution res;
    final FunctionScope fs;
    final ClassDesc self;
    final Constants constants;
    final CodeBuilder cb;
    final Descriptions descriptions;
    final ConditionCompiler conditions;
    final OperatorCompiler operators;
    final NumericForCompiler numericFors;
    final CallCompiler calls;
    final FrameLocalsCompiler frameLocals;
    final List<FunctionInfo.Site> sites = new ArrayList<>();

    int nextSlot;
    int varargSlot = -1;
    private int lastLine = -1;
    /** The line of the last line hook in straight-line code (a loop body reports its first line each time). */
    private int lastHookLine = -1;
    private final Deque<BlockContext> blocks = new ArrayDeque<>();
    private final Map<Stat.Label, Label> labels = new IdentityHashMap<>();
    private final Map<Stat.Label, Integer> labelCloseCounts = new IdentityHashMap<>();
    private final Map<Stat, LoopContext> loops = new IdentityHashMap<>();

    /** A block being compiled, with its active to-be-closed variables. */
    private static final class BlockContext {
        final Block block;
        final int slotMark;
        final List<LocalVar> closeVars = new ArrayList<>();
        final List<Label> closeStarts = new ArrayList<>();

        BlockContext(Block block, int slotMark) {
            this.block = block;
            this.slotMark = slotMark;
        }
    }

    private record LoopContext(Label exit, BlockContext body) {}

    BodyCompiler(ChunkCompiler chunk, Resolution res, FunctionScope fs, ClassDesc self, Constants constants,
                 CodeBuilder cb) {
        this.chunk = chunk;
        this.res = res;
        this.fs = fs;
        this.self = self;
        this.constants = constants;
        this.cb = cb;
        this.descriptions = new Descriptions(res);
        this.conditions = new ConditionCompiler(this);
        this.operators = new OperatorCompiler(this);
        this.numericFors = new NumericForCompiler(this);
        this.calls = new CallCompiler(this);
        this.frameLocals = new FrameLocalsCompiler(res.inspectable, cb);
    }

    // ---------------------------------------------------------------- method frame

    /** Compiles the whole body: parameters in slots 2.., the varargs array after them. */
    void compile() {
        List<LocalVar> params = fs.isMain() ? List.of() : res.parameters.get(fs.body);
        nextSlot = 2;
        for (LocalVar p : params) {
            p.slot = nextSlot++;
        }
        if (fs.isVararg()) {
            varargSlot = nextSlot++;
        }
        int frameSlot = res.inspectable ? nextSlot++ : -1;
        Block body = fs.isMain() ? null : fs.body.body();
        line(fs.isMain() ? 1 : fs.body.line());
        state();
        invokestatic(OPS, "enter", mt(V, STATE));
        frameLocals.open(frameSlot, varargSlot);
        Label bodyStart = cb.newBoundLabel();
        for (LocalVar p : params) {
            if (p.needsCell()) {
                int cellSlot = nextSlot++;
                newCell(() -> cb.aload(p.slot));
                cb.astore(cellSlot);
                p.slot = cellSlot;
                frameLocals.bind(p.frameIndex, cellSlot);
            }
            frameLocals.parameter(p);
        }
        if (res.inspectable) {
            // after the parameters are bound: the call hook may read them
            state();
            invokestatic(OPS, "hookCall", mt(V, STATE));
        }
        if (fs.isMain()) {
            for (LocalVar t : fs.locals) {
                if (t.isTypeValue) {
                    t.slot = nextSlot++;
                    cb.new_(Types.TYPE_VALUE);
                    cb.dup();
                    cb.loadConstant(t.name);
                    invokespecial(Types.TYPE_VALUE, "<init>", mt(V, ClassDesc.of("java.lang.String")));
                    cb.astore(t.slot);
                }
            }
            body = chunk.mainBody();
        }
        block(body);
        if (!endsWithReturn(body)) {
            if (res.inspectable && !fs.isMain()) {
                // PUC's implicit return is an instruction on the line of 'end'
                state();
                cb.loadConstant(fs.body.endLine());
                invokestatic(OPS, "hookLine", mt(V, STATE, I));
            }
            cb.getstatic(MULTI, "EMPTY", MULTI);
            returnValue();
        }
        // an error leaving the function also leaves its call depth; this handler encloses all others
        Label bodyEnd = cb.newBoundLabel();
        frameLocals.close();
        state();
        invokestatic(OPS, "leave", mt(V, STATE));
        cb.athrow();
        cb.exceptionCatchAll(bodyStart, bodyEnd, bodyEnd);
    }

    private static boolean endsWithReturn(Block b) {
        return !b.stats().isEmpty() && b.stats().getLast() instanceof Stat.Return;
    }

    // ---------------------------------------------------------------- emission helpers

    void line(int line) {
        if (line != lastLine && line > 0 && !chunk.stripped()) {
            cb.lineNumber(line);
            lastLine = line;
        }
    }

    /**
     * Emits an invoke that may raise an error or make a call, recording its site. The site's index is attached to
     * the instruction's bytecode range through the CharacterRangeTable debug attribute (which the JVM ignores), so
     * the mapping survives the class writer's removal of dead code.
     */
    private void tracked(FunctionInfo.Site site, Runnable invoke) {
        if (site == null) {
            invoke.run();
            return;
        }
        int index = sites.size();
        sites.add(site);
        Label start = cb.newBoundLabel();
        invoke.run();
        Label end = cb.newBoundLabel();
        cb.characterRange(start, end, index, index, 0);
    }

    void invokestatic(FunctionInfo.Site site, ClassDesc owner, String name, MethodTypeDesc type) {
        tracked(site, () -> cb.invokestatic(owner, name, type));
    }

    void invokestatic(ClassDesc owner, String name, MethodTypeDesc type) {
        cb.invokestatic(owner, name, type);
    }

    void invokevirtual(FunctionInfo.Site site, ClassDesc owner, String name, MethodTypeDesc type) {
        tracked(site, () -> cb.invokevirtual(owner, name, type));
    }

    /** With {@code state, object, key} on the stack: a field read through a new inline cache. */
    void fieldGet(FunctionInfo.Site site) {
        constants.fieldCache(cb);
        invokestatic(site, OPS, "field", mt(OBJECT, STATE, OBJECT, STRING, Types.FIELD_CACHE));
    }

    /** With {@code state, object, key, value} on the stack: a field write through a new inline cache. */
    private void fieldSet(FunctionInfo.Site site) {
        constants.fieldCache(cb);
        invokestatic(site, OPS, "setField", mt(V, STATE, OBJECT, STRING, OBJECT, Types.FIELD_CACHE));
    }

    private void invokespecial(ClassDesc owner, String name, MethodTypeDesc type) {
        cb.invokespecial(owner, name, type);
    }

    void state() {
        cb.aload(STATE_SLOT);
    }

    /** Returns the value on the stack, leaving the function's call depth. */
    void returnValue() {
        if (res.inspectable) {
            state();
            invokestatic(OPS, "hookReturn", mt(V, STATE));
        }
        frameLocals.close();
        state();
        invokestatic(OPS, "leave", mt(V, STATE));
        cb.areturn();
    }

    int newSlot(StaticType t) {
        int s = nextSlot;
        nextSlot += t == StaticType.ANY ? 1 : 2;
        return s;
    }

    void tick() {
        state();
        invokestatic(OPS, "tick", mt(V, STATE));
    }

    private void newCell(Runnable value) {
        cb.new_(CELL);
        cb.dup();
        value.run();
        invokespecial(CELL, "<init>", mt(V, OBJECT));
    }

    /** The site of a call instruction: operand 0 describes the callee. */
    static FunctionInfo.Site site(FunctionInfo.Desc... descs) {
        return new FunctionInfo.Site(null, descs);
    }

    /** The site of an operation that may call metamethod {@code event}. */
    static FunctionInfo.Site opSite(String event, FunctionInfo.Desc... descs) {
        return new FunctionInfo.Site(event, descs);
    }

    // ---------------------------------------------------------------- blocks

    private void block(Block b) {
        BlockContext ctx = new BlockContext(b, nextSlot);
        blocks.push(ctx);
        frameLocals.openScope();
        for (Stat s : b.stats()) {
            if (s instanceof Stat.Local l) {
                for (Stat.LocalName n : l.names()) {
                    if (n.attrib() == Stat.Attrib.CLOSE) {
                        LocalVar v = res.declared.get(l).get(l.names().indexOf(n));
                        v.slot = newSlot(StaticType.ANY);
                        cb.aconst_null();
                        cb.astore(v.slot);
                    }
                }
            }
        }
        for (Stat s : b.stats()) {
            statement(s);
        }
        frameLocals.closeScope();
        closeAtEnd(ctx, !endsWithReturn(b));
        blocks.pop();
        nextSlot = ctx.slotMark;
    }

    /**
     * Clears the object slots of a {@code do} block's locals when it ends: the interpreter keeps dead slots as GC
     * roots, and a value local to a block must be collectable after it (weak tables rely on this).
     */
    private void forgetLocals(Block b) {
        for (Stat s : b.stats()) {
            List<LocalVar> vars = s instanceof Stat.Local || s instanceof Stat.LocalFunction ? res.declared.get(s) : null;
            if (vars == null) {
                continue;
            }
            for (LocalVar v : vars) {
                if (v.slot >= 0 && (v.needsCell() || v.type == StaticType.ANY)) {
                    cb.aconst_null();
                    cb.astore(v.slot);
                }
            }
        }
    }

    /** Starts the region in which an error closes {@code v}; never empty, as the JVM requires. */
    private void beginCloseRegion(BlockContext ctx, LocalVar v) {
        ctx.closeVars.add(v);
        ctx.closeStarts.add(cb.newBoundLabel());
        cb.nop();
    }

    /**
     * The end of a block: closes its to-be-closed variables when the block falls through (a block ending in
     * {@code return} closed them there), and ends the error handlers that close them.
     */
    private void closeAtEnd(BlockContext ctx, boolean fallsThrough) {
        for (int i = ctx.closeVars.size() - 1; i >= 0; i--) {
            LocalVar v = ctx.closeVars.get(i);
            Label end = cb.newBoundLabel();
            Label after = cb.newLabel();
            if (fallsThrough) {
                closeVariable(v);
                cb.goto_(after);
            }
            Label handler = cb.newBoundLabel();
            int tmp = newSlot(StaticType.ANY);
            cb.astore(tmp);
            state();
            cb.aload(v.slot);
            cb.aload(tmp);
            invokestatic(new FunctionInfo.Site("close", FunctionInfo.Role.UNWINDING), OPS, "closeOnError",
                    mt(Types.THROWABLE, STATE, OBJECT, Types.THROWABLE));
            cb.athrow();
            cb.labelBinding(after);
            cb.exceptionCatchAll(ctx.closeStarts.get(i), end, handler);
        }
    }

    /** Closes one variable, clearing its slot first so that an error while closing does not close it twice. */
    private void closeVariable(LocalVar v) {
        state();
        cb.aload(v.slot);
        cb.aconst_null();
        cb.astore(v.slot);
        invokestatic(opSite("close"), OPS, "close", mt(V, STATE, OBJECT));
    }

    /** Closes the variables of the innermost blocks up to {@code target}, keeping the first {@code keep} there. */
    private void closeUpTo(BlockContext target, int keep) {
        for (BlockContext ctx : blocks) {
            int stop = ctx == target ? keep : 0;
            for (int i = ctx.closeVars.size() - 1; i >= stop; i--) {
                closeVariable(ctx.closeVars.get(i));
            }
            if (ctx == target) {
                return;
            }
        }
    }

    private boolean hasCloseVars() {
        for (BlockContext ctx : blocks) {
            if (!ctx.closeVars.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private BlockContext contextOf(Stat.Label label) {
        for (BlockContext ctx : blocks) {
            if (ctx.block.stats().contains(label)) {
                return ctx;
            }
        }
        throw new IllegalStateException("label not in an enclosing block: " + label.name());
    }

    // ---------------------------------------------------------------- statements

    private void statement(Stat st) {
        line(st.line());
        if (!(st instanceof Stat.Label)) {
            frameLocals.statement();
        }
        if (res.inspectable && st.line() != lastHookLine && !(st instanceof Stat.Label)) {
            lastHookLine = st.line();
            state();
            cb.loadConstant(st.line());
            invokestatic(OPS, "hookLine", mt(V, STATE, I));
        }
        switch (st) {
            case Stat.Local l -> local(l);
            case Stat.Assign a -> assign(a);
            case Stat.CallStat c -> {
                calls.rawCall(c.call(), false);
                state();
                cb.swap();
                invokestatic(OPS, "discard", mt(V, STATE, OBJECT));
            }
            case Stat.Do d -> {
                block(d.body());
                if (!endsWithReturn(d.body())) {
                    forgetLocals(d.body());
                }
            }
            case Stat.While w -> whileLoop(w);
            case Stat.Repeat r -> repeatLoop(r);
            case Stat.If i -> ifStat(i);
            case Stat.NumericFor f -> {
                frameLocals.openScope();
                frameLocals.forState(res.forStates.get(f), Resolver.NUMERIC_FOR_STATE);
                numericFors.numericFor(f);
                frameLocals.closeScope();
            }
            case Stat.GenericFor f -> {
                frameLocals.openScope();
                frameLocals.forState(res.forStates.get(f), Resolver.GENERIC_FOR_STATE);
                genericFor(f);
                frameLocals.closeScope();
            }
            case Stat.FunctionStat f -> functionStat(f);
            case Stat.LocalFunction lf -> localFunction(lf);
            case Stat.Return r -> returnStat(r);
            case Stat.Break b -> {
                LoopContext loop = loops.get(res.jumpTargets.get(b));
                closeUpTo(loop.body(), 0);
                cb.goto_(loop.exit());
            }
            case Stat.Goto g -> {
                Stat.Label target = (Stat.Label) res.jumpTargets.get(g);
                Integer keep = labelCloseCounts.get(target);
                BlockContext ctx = contextOf(target);
                closeUpTo(ctx, keep == null ? ctx.closeVars.size() : keep);
                cb.goto_(labels.computeIfAbsent(target, k -> cb.newLabel()));
            }
            case Stat.Label l -> {
                lastHookLine = -1;
                cb.labelBinding(labels.computeIfAbsent(l, k -> cb.newLabel()));
                labelCloseCounts.put(l, blocks.peek().closeVars.size());
            }
            case Stat.TypeDecl ignored -> {
            }
            case Stat.InterfaceDecl ignored -> {
            }
        }
    }

    private void local(Stat.Local l) {
        List<LocalVar> vars = res.declared.get(l);
        vars.forEach(frameLocals::declared);
        List<StaticType> types = new ArrayList<>();
        for (LocalVar v : vars) {
            types.add(slotType(v));
        }
        valuesInto(l.values(), types);
        for (int i = vars.size() - 1; i >= 0; i--) {
            LocalVar v = vars.get(i);
            if (v.attrib == Stat.Attrib.CLOSE) {
                cb.dup();
                cb.astore(v.slot);
                frameLocals.bind(v.frameIndex, v.slot);
                state();
                cb.swap();
                cb.loadConstant(v.name);
                invokestatic(OPS, "checkClosable", mt(V, STATE, OBJECT, ClassDesc.of("java.lang.String")));
                beginCloseRegion(blocks.peek(), v);
                continue;
            }
            declareAndStore(v);
        }
    }

    /** The type a variable's slot holds (cells hold objects). */
    static StaticType slotType(LocalVar v) {
        return v.needsCell() ? StaticType.ANY : v.type;
    }

    /** Stores the value on the stack (of the variable's slot type) into a new slot for {@code v}. */
    void declareAndStore(LocalVar v) {
        StaticType t = slotType(v);
        v.slot = newSlot(t);
        if (v.needsCell()) {
            int tmp = newSlot(StaticType.ANY);
            cb.astore(tmp);
            newCell(() -> cb.aload(tmp));
            cb.astore(v.slot);
            frameLocals.bind(v.frameIndex, v.slot);
            nextSlot = tmp;
            return;
        }
        store(t, v.slot);
    }

    private void store(StaticType t, int slot) {
        switch (t) {
            case INT -> cb.lstore(slot);
            case FLOAT -> cb.dstore(slot);
            case ANY -> cb.astore(slot);
        }
    }

    private void load(StaticType t, int slot) {
        switch (t) {
            case INT -> cb.lload(slot);
            case FLOAT -> cb.dload(slot);
            case ANY -> cb.aload(slot);
        }
    }

    /**
     * Pushes exactly {@code types.size()} values from an expression list, adjusting like Lua (extra values
     * evaluated and dropped, missing ones nil, a final call or vararg expanded).
     */
    private void valuesInto(List<Expr> values, List<StaticType> types) {
        int n = types.size();
        int m = values.size();
        if (m > 0 && TypeInference.isMulti(values.getLast()) && m <= n) {
            for (int i = 0; i < m - 1; i++) {
                exprAs(values.get(i), types.get(i));
            }
            int tmp = newSlot(StaticType.ANY);
            multi(values.getLast());
            cb.astore(tmp);
            for (int i = m - 1; i < n; i++) {
                cb.aload(tmp);
                cb.loadConstant(i - (m - 1));
                invokestatic(OPS, "get", mt(OBJECT, OBJECTS, I));
                coerce(StaticType.ANY, types.get(i));
            }
            nextSlot = tmp;
            return;
        }
        for (int i = 0; i < Math.max(n, m); i++) {
            if (i < m && i < n) {
                exprAs(values.get(i), types.get(i));
            } else if (i < m) {
                discardExpr(values.get(i));
            } else {
                cb.aconst_null();
                coerce(StaticType.ANY, types.get(i));
            }
        }
    }

    private void discardExpr(Expr e) {
        if (TypeInference.isMulti(e) && !(e instanceof Expr.Vararg)) {
            calls.rawCall(e, false);
            state();
            cb.swap();
            invokestatic(OPS, "discard", mt(V, STATE, OBJECT));
            return;
        }
        StaticType t = expr(e);
        if (t == StaticType.ANY) {
            cb.pop();
        } else {
            cb.pop2();
        }
    }

    private void assign(Stat.Assign a) {
        List<Expr> targets = a.targets();
        if (targets.size() == 1 && a.values().size() == 1) {
            assignSingle(targets.getFirst(), a.values().getFirst());
            return;
        }
        // Evaluate the table and key of indexed targets first, then the values, then assign right to left.
        int mark = nextSlot;
        List<int[]> targetSlots = new ArrayList<>();
        List<StaticType> types = new ArrayList<>();
        for (Expr t : targets) {
            if (t instanceof Expr.Index ix) {
                int objSlot = newSlot(StaticType.ANY);
                obj(ix.object());
                cb.astore(objSlot);
                int keySlot = newSlot(StaticType.ANY);
                obj(ix.key());
                cb.astore(keySlot);
                targetSlots.add(new int[] {objSlot, keySlot});
                types.add(StaticType.ANY);
            } else {
                targetSlots.add(null);
                types.add(targetType((Expr.Name) t));
            }
        }
        valuesInto(a.values(), types);
        for (int i = targets.size() - 1; i >= 0; i--) {
            Expr t = targets.get(i);
            if (t instanceof Expr.Index ix) {
                int valueSlot = newSlot(StaticType.ANY);
                cb.astore(valueSlot);
                state();
                cb.aload(targetSlots.get(i)[0]);
                cb.aload(targetSlots.get(i)[1]);
                cb.aload(valueSlot);
                line(ix.line());
                invokestatic(opSite("newindex", descriptions.describe(ix.object())), OPS, "setIndex",
                        mt(V, STATE, OBJECT, OBJECT, OBJECT));
            } else {
                storeName((Expr.Name) t, types.get(i));
            }
        }
        // the temporaries must not keep the values alive (weak tables, and __gc in PUC, would see them)
        for (int slot = mark; slot < nextSlot; slot++) {
            cb.aconst_null();
            cb.astore(slot);
        }
        nextSlot = mark;
    }

    private StaticType targetType(Expr.Name n) {
        return res.names.get(n) instanceof Binding.Local l ? slotType(l.variable()) : StaticType.ANY;
    }

    private void assignSingle(Expr target, Expr value) {
        if (target instanceof Expr.Name n) {
            StaticType t = targetType(n);
            exprAs(value, t);
            storeName(n, t);
            return;
        }
        Expr.Index ix = (Expr.Index) target;
        state();
        obj(ix.object());
        FunctionInfo.Site site = opSite("newindex", descriptions.describe(ix.object()));
        if (ix.key() instanceof Expr.Str key) {
            constants.string(cb, key.value());
            obj(value);
            line(ix.line());
            fieldSet(site);
        } else if (typeOf(ix.key()) == StaticType.INT) {
            expr(ix.key());
            obj(value);
            line(ix.line());
            invokestatic(site, OPS, "setIndexInt", mt(V, STATE, OBJECT, J, OBJECT));
        } else {
            obj(ix.key());
            obj(value);
            line(ix.line());
            invokestatic(site, OPS, "setIndex", mt(V, STATE, OBJECT, OBJECT, OBJECT));
        }
    }

    /** Stores the value on the stack (of type {@code t}) into the variable a name is bound to. */
    private void storeName(Expr.Name n, StaticType t) {
        Binding b = res.names.get(n);
        storeBinding(b, t, n.line());
    }

    private void storeBinding(Binding b, StaticType t, int line) {
        switch (b) {
            case Binding.Local l -> {
                LocalVar v = l.variable();
                if (v.needsCell()) {
                    box(t);
                    cb.aload(v.slot);
                    cb.swap();
                    cb.putfield(CELL, "value", OBJECT);
                } else {
                    store(t, v.slot);
                }
            }
            case Binding.Up u -> {
                box(t);
                cb.aload(0);
                cb.getfield(self, upvalueField(u.upvalue()), CELL);
                cb.swap();
                cb.putfield(CELL, "value", OBJECT);
            }
            case Binding.Global g -> {
                box(t);
                int tmp = newSlot(StaticType.ANY);
                cb.astore(tmp);
                state();
                loadBinding(g.env());
                constants.string(cb, g.name());
                cb.aload(tmp);
                nextSlot = tmp;
                line(line);
                fieldSet(opSite("newindex", Descriptions.describeBinding(g.env())));
            }
        }
    }

    private void whileLoop(Stat.While w) {
        Label top = cb.newBoundLabel();
        Label exit = cb.newLabel();
        conditions.condition(w.condition(), exit);
        loopBody(w, w.body(), exit, () -> { });
        tick();
        cb.goto_(top);
        cb.labelBinding(exit);
    }

    /** Compiles a loop body block registered as {@code loop}'s break target. */
    void loopBody(Stat loop, Block body, Label exit, Runnable beforeEnd) {
        BlockContext ctx = new BlockContext(body, nextSlot);
        frameLocals.openScope();
        if (loop instanceof Stat.NumericFor || loop instanceof Stat.GenericFor) {
            // a loop's variables end with its body; its hidden state lasts until the loop ends
            res.declared.get(loop).forEach(frameLocals::declared);
        }
        lastHookLine = -1;
        loops.put(loop, new LoopContext(exit, ctx));
        blocks.push(ctx);
        for (Stat s : body.stats()) {
            if (s instanceof Stat.Local l) {
                for (int i = 0; i < l.names().size(); i++) {
                    if (l.names().get(i).attrib() == Stat.Attrib.CLOSE) {
                        LocalVar v = res.declared.get(l).get(i);
                        v.slot = newSlot(StaticType.ANY);
                        cb.aconst_null();
                        cb.astore(v.slot);
                    }
                }
            }
        }
        for (Stat s : body.stats()) {
            statement(s);
        }
        beforeEnd.run();
        frameLocals.closeScope();
        closeAtEnd(ctx, !endsWithReturn(body));
        blocks.pop();
        nextSlot = ctx.slotMark;
        if (res.inspectable && !(loop instanceof Stat.Repeat) && !endsWithReturn(body)) {
            // PUC jumps back to the loop's test, on the line of 'for' or 'while': a new line each iteration; the
            // body's locals are no longer active there
            frameLocals.loopTest();
            lastHookLine = loop.line();
            state();
            cb.loadConstant(loop.line());
            invokestatic(OPS, "hookLine", mt(V, STATE, I));
        }
    }

    private void repeatLoop(Stat.Repeat r) {
        Label top = cb.newBoundLabel();
        Label exit = cb.newLabel();
        // The condition sees the body's locals, so it is compiled inside the body's scope; the body's
        // to-be-closed variables are closed after it is evaluated, whatever its outcome.
        loopBody(r, r.body(), exit, () -> {
            BlockContext body = blocks.peek();
            line(r.condition().line());
            if (body.closeVars.isEmpty()) {
                Label again = cb.newLabel();
                conditions.condition(r.condition(), again);
                cb.goto_(exit);
                cb.labelBinding(again);
            } else {
                obj(r.condition());
                invokestatic(OPS, "truthy", mt(Z, OBJECT));
                int flag = newSlot(StaticType.ANY);
                cb.istore(flag);
                closeUpTo(body, 0);
                cb.iload(flag);
                cb.ifne(exit);
            }
            tick();
            cb.goto_(top);
        });
        cb.labelBinding(exit);
    }

    private void ifStat(Stat.If i) {
        Label end = cb.newLabel();
        for (int k = 0; k < i.conditions().size(); k++) {
            Label next = cb.newLabel();
            line(i.conditions().get(k).line());
            conditions.condition(i.conditions().get(k), next);
            block(i.blocks().get(k));
            cb.goto_(end);
            cb.labelBinding(next);
        }
        if (i.orElse() != null) {
            block(i.orElse());
        }
        cb.labelBinding(end);
    }

    private void genericFor(Stat.GenericFor f) {
        List<LocalVar> vars = res.declared.get(f);
        Label exit = cb.newLabel();
        int fn = newSlot(StaticType.ANY);
        int st = newSlot(StaticType.ANY);
        int ctrl = newSlot(StaticType.ANY);
        int closing = newSlot(StaticType.ANY);
        valuesInto(f.values(), List.of(StaticType.ANY, StaticType.ANY, StaticType.ANY, StaticType.ANY));
        cb.astore(closing);
        cb.astore(ctrl);
        cb.astore(st);
        cb.astore(fn);
        int forState = res.forStates.get(f);
        frameLocals.bind(forState, fn);
        frameLocals.bind(forState + 1, st);
        frameLocals.bind(forState + 2, ctrl);
        frameLocals.bind(forState + 3, closing);
        // The fourth value is closed when the loop ends, like a <close> variable of an enclosing block.
        BlockContext closeCtx = new BlockContext(new Block(List.of(), f.line()), nextSlot);
        LocalVar closeVar = new LocalVar("(for state)", Stat.Attrib.CLOSE, fs, false);
        closeVar.slot = closing;
        state();
        cb.aload(closing);
        cb.loadConstant("(for state)");
        line(f.line());
        invokestatic(OPS, "checkClosable", mt(V, STATE, OBJECT, ClassDesc.of("java.lang.String")));
        blocks.push(closeCtx);
        beginCloseRegion(closeCtx, closeVar);

        Label top = cb.newBoundLabel();
        int mark = nextSlot;
        FunctionInfo.Site iteratorSite = site(new FunctionInfo.Desc("for iterator", "for iterator"));
        // PUC attributes the iterator call to the line where the expressions after 'in' start
        line(f.values().getFirst().line());
        state();
        cb.aload(fn);
        invokestatic(iteratorSite, OPS, "fn", mt(FUNCTION, STATE, OBJECT));
        state();
        cb.aload(st);
        cb.aload(ctrl);
        invokevirtual(iteratorSite, FUNCTION, "call", Types.callType(2));
        int result = newSlot(StaticType.ANY);
        if (vars.size() == 1) {
            state();
            cb.swap();
            invokestatic(OPS, "first", mt(OBJECT, STATE, OBJECT));
            cb.dup();
            cb.astore(ctrl);
            frameLocals.bind(forState + 2, ctrl);
            cb.ifnull(exit);
            cb.aload(ctrl);
            coerce(StaticType.ANY, slotType(vars.getFirst()));
            declareAndStore(vars.getFirst());
        } else {
            state();
            cb.swap();
            invokestatic(OPS, "resolve", mt(OBJECT, STATE, OBJECT));
            cb.astore(result);
            cb.aload(result);
            cb.iconst_0();
            invokestatic(OPS, "nth", mt(OBJECT, OBJECT, I));
            cb.dup();
            cb.astore(ctrl);
            frameLocals.bind(forState + 2, ctrl);
            cb.ifnull(exit);
            for (int k = 0; k < vars.size(); k++) {
                if (k == 0) {
                    cb.aload(ctrl);
                } else {
                    cb.aload(result);
                    cb.loadConstant(k);
                    invokestatic(OPS, "nth", mt(OBJECT, OBJECT, I));
                }
                coerce(StaticType.ANY, slotType(vars.get(k)));
                declareAndStore(vars.get(k));
            }
        }
        Label loopExit = cb.newLabel();
        loopBody(f, f.body(), loopExit, () -> { });
        nextSlot = mark;
        tick();
        cb.goto_(top);
        cb.labelBinding(exit);
        cb.labelBinding(loopExit);
        blocks.pop();
        closeAtEnd(closeCtx, true);
    }

    private void functionStat(Stat.FunctionStat f) {
        Binding target = res.functionTargets.get(f);
        List<String> path = f.path();
        if (path.size() == 1 && f.method() == null) {
            closure(f.body());
            storeBinding(target, StaticType.ANY, f.line());
            return;
        }
        state();
        loadBinding(target);
        FunctionInfo.Desc desc = Descriptions.describeBinding(target, path.getFirst());
        String last = f.method() != null ? f.method() : path.getLast();
        int fields = f.method() != null ? path.size() : path.size() - 1;
        for (int k = 1; k < fields; k++) {
            constants.string(cb, path.get(k));
            fieldGet(opSite("index", desc));
            desc = new FunctionInfo.Desc("field", path.get(k));
            state();
            cb.swap();
        }
        constants.string(cb, last);
        closure(f.body());
        line(f.line());
        fieldSet(opSite("newindex", desc));
    }

    private void localFunction(Stat.LocalFunction lf) {
        LocalVar v = res.declared.get(lf).getFirst();
        frameLocals.declared(v);
        if (v.needsCell()) {
            v.slot = newSlot(StaticType.ANY);
            newCell(cb::aconst_null);
            cb.astore(v.slot);
            frameLocals.bind(v.frameIndex, v.slot);
            cb.aload(v.slot);
            closure(lf.body());
            cb.putfield(CELL, "value", OBJECT);
        } else {
            closure(lf.body());
            v.slot = newSlot(StaticType.ANY);
            cb.astore(v.slot);
        }
    }

    private void returnStat(Stat.Return r) {
        List<Expr> values = r.values();
        boolean closing = hasCloseVars();
        if (values.size() == 1 && TypeInference.isMulti(values.getFirst())
                && !(values.getFirst() instanceof Expr.Vararg)) {
            if (closing) {
                calls.rawCall(values.getFirst(), false);
                state();
                cb.swap();
                invokestatic(OPS, "resolve", mt(OBJECT, STATE, OBJECT));
            } else {
                calls.rawCall(values.getFirst(), true);
                returnValue();
                return;
            }
        } else if (values.isEmpty()) {
            cb.getstatic(MULTI, "EMPTY", MULTI);
        } else if (values.size() == 1 && !TypeInference.isMulti(values.getFirst())) {
            obj(values.getFirst());
        } else {
            valueArray(values);
            invokestatic(OPS, "results", mt(OBJECT, OBJECTS));
        }
        if (closing) {
            int tmp = newSlot(StaticType.ANY);
            cb.astore(tmp);
            closeUpTo(null, 0);
            cb.aload(tmp);
        }
        returnValue();
    }

    // ---------------------------------------------------------------- expressions

    StaticType typeOf(Expr e) {
        return TypeInference.typeOf(e, res, null);
    }

    /** Pushes an expression's single value as an object. */
    void obj(Expr e) {
        switch (e) {
            case Expr.Int n -> constants.integer(cb, n.value());
            case Expr.Flt n -> constants.number(cb, n.value());
            default -> box(expr(e));
        }
    }

    void exprAs(Expr e, StaticType want) {
        if (want == StaticType.ANY) {
            obj(e);
        } else {
            coerce(expr(e), want);
        }
    }

    private void box(StaticType t) {
        switch (t) {
            case INT -> invokestatic(LONG, "valueOf", mt(LONG, J));
            case FLOAT -> invokestatic(DOUBLE, "valueOf", mt(DOUBLE, D));
            case ANY -> {
            }
        }
    }

    /** Converts the value on the stack from {@code have} to {@code want}; the analysis guarantees it is possible. */
    void coerce(StaticType have, StaticType want) {
        if (have == want) {
            return;
        }
        if (want == StaticType.ANY) {
            box(have);
        } else if (have == StaticType.INT && want == StaticType.FLOAT) {
            cb.l2d();
        } else if (have == StaticType.ANY && want == StaticType.INT) {
            cb.checkcast(LONG);
            invokevirtual(null, LONG, "longValue", mt(J));
        } else if (have == StaticType.ANY && want == StaticType.FLOAT) {
            cb.checkcast(ClassDesc.of("java.lang.Number"));
            invokevirtual(null, ClassDesc.of("java.lang.Number"), "doubleValue", mt(D));
        } else {
            throw new IllegalStateException("cannot convert " + have + " to " + want);
        }
    }

    /** Pushes an expression's single value; returns its representation. */
    StaticType expr(Expr e) {
        switch (e) {
            case Expr.Nil ignored -> cb.aconst_null();
            case Expr.True ignored -> cb.getstatic(BOOLEAN, "TRUE", BOOLEAN);
            case Expr.False ignored -> cb.getstatic(BOOLEAN, "FALSE", BOOLEAN);
            case Expr.Int n -> {
                cb.loadConstant(n.value());
                return StaticType.INT;
            }
            case Expr.Flt n -> {
                cb.loadConstant(n.value());
                return StaticType.FLOAT;
            }
            case Expr.Str s -> constants.string(cb, s.value());
            case Expr.Vararg ignored -> {
                cb.aload(varargSlot);
                cb.iconst_0();
                invokestatic(OPS, "get", mt(OBJECT, OBJECTS, I));
            }
            case Expr.Function f -> closure(f.body());
            case Expr.Table t -> table(t);
            case Expr.Binary b -> {
                return operators.binary(b);
            }
            case Expr.Unary u -> {
                return operators.unary(u);
            }
            case Expr.Name n -> {
                return name(n);
            }
            case Expr.Index ix -> index(ix);
            case Expr.Call c -> singleCall(c);
            case Expr.MethodCall m -> singleCall(m);
            case Expr.Paren p -> {
                return expr(p.inner());
            }
            case Expr.Cast c -> {
                return expr(c.inner());
            }
            case Expr.NonNil n -> {
                return expr(n.inner());
            }
        }
        return StaticType.ANY;
    }

    private void singleCall(Expr call) {
        calls.rawCall(call, false);
        state();
        cb.swap();
        invokestatic(OPS, "first", mt(OBJECT, STATE, OBJECT));
    }

    /** Pushes all values of a multi-valued expression (a call or {@code ...}) as an {@code Object[]}. */
    void multi(Expr e) {
        if (e instanceof Expr.Vararg) {
            cb.aload(varargSlot);
            return;
        }
        calls.rawCall(e, false);
        state();
        cb.swap();
        invokestatic(OPS, "all", mt(OBJECTS, STATE, OBJECT));
    }

    /** Pushes an {@code Object[]} with all values of an expression list (the last one expanded). */
    void valueArray(List<Expr> values) {
        int n = values.size();
        boolean lastMulti = n > 0 && TypeInference.isMulti(values.getLast());
        int fixed = lastMulti ? n - 1 : n;
        cb.loadConstant(fixed);
        cb.anewarray(OBJECT);
        for (int i = 0; i < fixed; i++) {
            cb.dup();
            cb.loadConstant(i);
            obj(values.get(i));
            cb.aastore();
        }
        if (lastMulti) {
            multi(values.getLast());
            invokestatic(OPS, "append", mt(OBJECTS, OBJECTS, OBJECTS));
        }
    }

    private StaticType name(Expr.Name n) {
        Binding b = res.names.get(n);
        if (b instanceof Binding.Local l && !l.variable().needsCell()) {
            LocalVar v = l.variable();
            load(v.type, v.slot);
            return v.type;
        }
        if (b instanceof Binding.Global g) {
            state();
            loadBinding(g.env());
            constants.string(cb, g.name());
            line(n.line());
            fieldGet(opSite("index", Descriptions.describeBinding(g.env())));
            return StaticType.ANY;
        }
        loadBinding(b);
        return StaticType.ANY;
    }

    /** Pushes the object value of a local or upvalue binding (for a global, the value of the global). */
    private void loadBinding(Binding b) {
        switch (b) {
            case Binding.Local l -> {
                LocalVar v = l.variable();
                if (v.needsCell()) {
                    cb.aload(v.slot);
                    cb.getfield(CELL, "value", OBJECT);
                } else {
                    load(v.type, v.slot);
                    box(v.type);
                }
            }
            case Binding.Up u -> loadUpvalue(u.upvalue());
            case Binding.Global g -> {
                state();
                loadBinding(g.env());
                constants.string(cb, g.name());
                fieldGet(opSite("index", Descriptions.describeBinding(g.env())));
            }
        }
    }

    private void loadUpvalue(Upvalue u) {
        if (isSelf(fs, u)) {
            cb.aload(0);
            return;
        }
        cb.aload(0);
        if (u.isCell()) {
            cb.getfield(self, upvalueField(u), CELL);
            cb.getfield(CELL, "value", OBJECT);
        } else {
            cb.getfield(self, upvalueField(u), OBJECT);
        }
    }

    /** Whether {@code u} of {@code f} is {@code f} itself (a {@code local function} that is never reassigned). */
    static boolean isSelf(FunctionScope f, Upvalue u) {
        return f.definedAs != null && u.variable == f.definedAs && !u.isCell();
    }

    static String upvalueField(Upvalue u) {
        return "u" + u.index;
    }

    private void index(Expr.Index ix) {
        FunctionInfo.Site site = opSite("index", descriptions.describe(ix.object()));
        state();
        obj(ix.object());
        if (ix.key() instanceof Expr.Str key) {
            constants.string(cb, key.value());
            line(ix.line());
            fieldGet(site);
        } else if (typeOf(ix.key()) == StaticType.INT) {
            expr(ix.key());
            line(ix.line());
            invokestatic(site, OPS, "indexInt", mt(OBJECT, STATE, OBJECT, J));
        } else {
            obj(ix.key());
            line(ix.line());
            invokestatic(site, OPS, "index", mt(OBJECT, STATE, OBJECT, OBJECT));
        }
    }

    private void table(Expr.Table t) {
        int positional = 0;
        int named = 0;
        for (TableField f : t.fields()) {
            if (f instanceof TableField.Positional) {
                positional++;
            } else {
                named++;
            }
        }
        boolean lastMulti = !t.fields().isEmpty() && t.fields().getLast() instanceof TableField.Positional p
                && TypeInference.isMulti(p.value());
        state();
        cb.loadConstant(lastMulti ? positional - 1 : positional);
        cb.loadConstant(named);
        invokestatic(OPS, "newTable", mt(TABLE, STATE, I, I));
        int index = 1;
        for (int k = 0; k < t.fields().size(); k++) {
            TableField f = t.fields().get(k);
            boolean expandLast = lastMulti && k == t.fields().size() - 1;
            cb.dup();
            switch (f) {
                case TableField.Positional p when expandLast -> {
                    cb.loadConstant(index);
                    multi(p.value());
                    invokestatic(OPS, "setList", mt(V, TABLE, I, OBJECTS));
                }
                case TableField.Positional p -> {
                    cb.loadConstant(index++);
                    obj(p.value());
                    invokevirtual(null, TABLE, "setListItem", mt(V, I, OBJECT));
                }
                case TableField.Named n -> {
                    constants.string(cb, n.name());
                    obj(n.value());
                    invokevirtual(null, TABLE, "putStr", mt(V, STRING, OBJECT));
                }
                case TableField.Keyed kf -> {
                    obj(kf.key());
                    obj(kf.value());
                    line(kf.line());
                    invokevirtual(null, TABLE, "put", mt(V, OBJECT, OBJECT));
                }
            }
        }
    }

    // ---------------------------------------------------------------- closures

    /** Pushes a new closure of the function {@code body}. */
    private void closure(FuncBody body) {
        FunctionScope child = res.scopeOf(body);
        ClassDesc cls = chunk.classOf(child);
        cb.new_(cls);
        cb.dup();
        List<ClassDesc> params = new ArrayList<>();
        for (Upvalue u : child.upvalues) {
            if (isSelf(child, u)) {
                continue;
            }
            if (u.fromParentLocal != null) {
                LocalVar v = u.fromParentLocal;
                if (v.needsCell()) {
                    cb.aload(v.slot);
                } else {
                    load(v.type, v.slot);
                    box(v.type);
                }
            } else {
                Upvalue pu = u.fromParentUpvalue;
                cb.aload(0);
                if (!isSelf(fs, pu)) {
                    cb.getfield(self, upvalueField(pu), pu.isCell() ? CELL : OBJECT);
                }
            }
            params.add(u.isCell() ? CELL : OBJECT);
        }
        invokespecial(cls, "<init>", MethodTypeDesc.of(V, params));
        cb.dup();
        state();
        cb.loadConstant((int) Sizes.closure(params.size()));
        invokestatic(OPS, "allocated", mt(V, OBJECT, STATE, I));
    }

}
