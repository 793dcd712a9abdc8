package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.BinOp;
import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.vm.FunctionInfo;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

import static dev.wippy.lua.compiler.Types.FUNCTION;
import static dev.wippy.lua.compiler.Types.OBJECT;
import static dev.wippy.lua.compiler.Types.OBJECTS;
import static dev.wippy.lua.compiler.Types.OPS;
import static dev.wippy.lua.compiler.Types.STATE;
import static dev.wippy.lua.compiler.Types.V;
import static dev.wippy.lua.compiler.Types.Z;
import static dev.wippy.lua.compiler.Types.mt;

/**
 * Compiles function and method calls, in the fixed-arity form when possible, and proper tail calls (direct while the
 * chain of tail calls is short, handed back as a pending call otherwise).
 */
final class CallCompiler {
    private final BodyCompiler body;
    private final CodeBuilder cb;
    private final Constants constants;
    private final Resolution res;

    CallCompiler(BodyCompiler body) {
        this.body = body;
        this.cb = body.cb;
        this.constants = body.constants;
        this.res = body.res;
    }

    /**
     * Emits a call and leaves its raw result (see {@link dev.wippy.lua.vm.CallResult}). In tail position the call
     * is made directly while the chain of direct tail calls is short, and handed back as a pending tail call
     * otherwise. Like PUC, the arguments are evaluated before the callee is checked to be callable: arguments
     * that could fail or have effects are evaluated into slots first.
     */
    void rawCall(Expr call, boolean tail) {
        int mark = body.nextSlot;
        List<Expr> args = call instanceof Expr.MethodCall m ? m.args() : ((Expr.Call) call).args();
        boolean argsFirst = !args.stream().allMatch(this::isInert);
        if (!argsFirst) {
            body.state(); // for Ops.fn
        }
        List<Runnable> fixed = new ArrayList<>();
        FunctionInfo.Desc calleeDesc;
        if (call instanceof Expr.MethodCall m) {
            int selfSlot = body.newSlot(StaticType.ANY);
            body.obj(m.object());
            cb.astore(selfSlot);
            calleeDesc = new FunctionInfo.Desc("method", m.method());
            body.state();
            cb.aload(selfSlot);
            constants.string(cb, m.method());
            body.line(m.line());
            body.fieldGet(BodyCompiler.opSite("index", body.descriptions.describe(m.object())));
            fixed.add(() -> cb.aload(selfSlot));
        } else {
            Expr fnExpr = ((Expr.Call) call).function();
            calleeDesc = body.descriptions.describe(fnExpr);
            body.obj(fnExpr);
        }
        boolean lastMulti = !args.isEmpty() && TypeInference.isMulti(args.getLast());
        List<Expr> fixedArgs = lastMulti ? args.subList(0, args.size() - 1) : args;
        Runnable multiTail = null;
        if (argsFirst) {
            int calleeSlot = body.newSlot(StaticType.ANY);
            cb.astore(calleeSlot);
            for (Expr a : fixedArgs) {
                fixed.add(evaluated(() -> body.obj(a)));
            }
            if (lastMulti) {
                multiTail = evaluated(() -> body.multi(args.getLast()));
            }
            body.state();
            cb.aload(calleeSlot);
        } else {
            for (Expr a : fixedArgs) {
                fixed.add(() -> body.obj(a));
            }
            if (lastMulti) {
                multiTail = () -> body.multi(args.getLast());
            }
        }
        FunctionInfo.Site site = BodyCompiler.site(calleeDesc);
        body.line(call.line());
        body.invokestatic(site, OPS, "fn", mt(FUNCTION, STATE, OBJECT));
        if (res.inspectable) {
            body.invokestatic(OPS, "hookable", mt(FUNCTION, FUNCTION));
        }
        body.state();
        MethodTypeDesc type;
        String method;
        if (multiTail == null && fixed.size() <= 3) {
            fixed.forEach(Runnable::run);
            type = Types.callType(fixed.size());
            method = "call";
        } else {
            cb.loadConstant(fixed.size());
            cb.anewarray(OBJECT);
            for (int i = 0; i < fixed.size(); i++) {
                cb.dup();
                cb.loadConstant(i);
                fixed.get(i).run();
                cb.aastore();
            }
            if (multiTail != null) {
                multiTail.run();
                body.invokestatic(OPS, "append", mt(OBJECTS, OBJECTS, OBJECTS));
            }
            type = Types.CALLV;
            method = "callv";
        }
        body.line(call.line());
        if (tail) {
            tailCall(calleeDesc, method, type, fixed.size());
        } else {
            body.invokevirtual(site, FUNCTION, method, type);
        }
        // the temporaries must not keep the arguments alive
        for (int slot = mark; slot < body.nextSlot; slot++) {
            cb.aconst_null();
            cb.astore(slot);
        }
        body.nextSlot = mark;
    }

    /** Evaluates a value into a new slot now; returns what pushes it later. */
    private Runnable evaluated(Runnable value) {
        int slot = body.newSlot(StaticType.ANY);
        value.run();
        cb.astore(slot);
        return () -> cb.aload(slot);
    }

    /** An argument whose evaluation can neither fail nor be observed, so it may follow the callee check. */
    private boolean isInert(Expr e) {
        return switch (e) {
            case Expr.Nil ignored -> true;
            case Expr.True ignored -> true;
            case Expr.False ignored -> true;
            case Expr.Int ignored -> true;
            case Expr.Flt ignored -> true;
            case Expr.Str ignored -> true;
            case Expr.Vararg ignored -> true;
            case Expr.Function ignored -> true;
            case Expr.Name n -> !(res.names.get(n) instanceof Binding.Global);
            case Expr.Paren p -> isInert(p.inner());
            case Expr.Binary b when b.op() != BinOp.IDIV && b.op() != BinOp.MOD ->
                    body.typeOf(b) != StaticType.ANY && isInert(b.left()) && isInert(b.right());
            case Expr.Unary u -> body.typeOf(u) != StaticType.ANY && isInert(u.operand());
            default -> false;
        };
    }

    /**
     * With {@code fn, state, args} on the stack: calls directly and returns while the chain of direct tail calls is
     * short, else hands the call back as a pending tail call.
     */
    private void tailCall(FunctionInfo.Desc calleeDesc, String method, MethodTypeDesc type, int fixedCount) {
        Label trampoline = cb.newLabel();
        body.state();
        body.invokestatic(OPS, "enterTail", mt(Z, STATE));
        cb.ifeq(trampoline);
        Label start = cb.newBoundLabel();
        body.invokevirtual(new FunctionInfo.Site(null, FunctionInfo.Role.TAIL_CALL, calleeDesc), FUNCTION, method,
                type);
        Label end = cb.newBoundLabel();
        body.state();
        body.invokestatic(OPS, "exitTail", mt(V, STATE));
        body.returnValue();
        Label handler = cb.newBoundLabel();
        body.state();
        body.invokestatic(OPS, "exitTail", mt(V, STATE));
        cb.athrow();
        cb.exceptionCatchAll(start, end, handler);
        cb.labelBinding(trampoline);
        // drop the state below the arguments: tailCall(fn, args...) does not need it
        if (method.equals("callv")) {
            cb.swap();
            cb.pop();
            body.invokestatic(OPS, "tailCallv", mt(OBJECT, FUNCTION, OBJECTS));
        } else {
            dropStateUnderArgs(fixedCount);
            ClassDesc[] p = new ClassDesc[fixedCount + 1];
            p[0] = FUNCTION;
            for (int i = 1; i <= fixedCount; i++) {
                p[i] = OBJECT;
            }
            body.invokestatic(OPS, "tailCall", mt(OBJECT, p));
        }
    }

    /** With {@code fn, state, a1..an} on the stack, removes {@code state}. */
    private void dropStateUnderArgs(int n) {
        int base = body.newSlot(StaticType.ANY);
        for (int i = n - 1; i >= 0; i--) {
            cb.astore(base + i);
        }
        body.nextSlot = base + n;
        cb.pop();
        for (int i = 0; i < n; i++) {
            cb.aload(base + i);
        }
        body.nextSlot = base;
    }
}
