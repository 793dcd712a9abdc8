package dev.wippy.lua.compiler;

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

    CallCompiler(BodyCompiler body) {
        this.body = body;
        this.cb = body.cb;
        this.constants = body.constants;
    }

    /**
     * Emits a call and leaves its raw result (see {@link dev.wippy.lua.vm.CallResult}). In tail position the call
     * is made directly while the chain of direct tail calls is short, and handed back as a pending tail call
     * otherwise.
     */
    void rawCall(Expr call, boolean tail) {
        Expr fnExpr;
        List<Expr> args;
        FunctionInfo.Desc calleeDesc;
        int selfSlot = -1;
        if (call instanceof Expr.MethodCall m) {
            selfSlot = body.newSlot(StaticType.ANY);
            body.obj(m.object());
            cb.astore(selfSlot);
            calleeDesc = new FunctionInfo.Desc("method", m.method());
            body.state();
            body.state();
            cb.aload(selfSlot);
            constants.string(cb, m.method());
            body.line(m.line());
            body.fieldGet(BodyCompiler.opSite("index", body.descriptions.describe(m.object())));
            fnExpr = null;
            args = m.args();
        } else {
            Expr.Call c = (Expr.Call) call;
            fnExpr = c.function();
            args = c.args();
            calleeDesc = body.descriptions.describe(fnExpr);
            body.state();
            body.obj(fnExpr);
        }
        FunctionInfo.Site site = BodyCompiler.site(calleeDesc);
        body.line(call.line());
        body.invokestatic(site, OPS, "fn", mt(FUNCTION, STATE, OBJECT));
        body.state();
        int fixedCount = args.size() + (selfSlot >= 0 ? 1 : 0);
        boolean lastMulti = !args.isEmpty() && TypeInference.isMulti(args.getLast());
        MethodTypeDesc type;
        String method;
        if (!lastMulti && fixedCount <= 3) {
            if (selfSlot >= 0) {
                cb.aload(selfSlot);
            }
            for (Expr a : args) {
                body.obj(a);
            }
            type = Types.callType(fixedCount);
            method = "call";
        } else {
            List<Expr> all = new ArrayList<>(args);
            if (selfSlot >= 0) {
                int n = all.size();
                boolean multiLast = lastMulti;
                int fixed = multiLast ? n - 1 : n;
                cb.loadConstant(fixed + 1);
                cb.anewarray(OBJECT);
                cb.dup();
                cb.iconst_0();
                cb.aload(selfSlot);
                cb.aastore();
                for (int i = 0; i < fixed; i++) {
                    cb.dup();
                    cb.loadConstant(i + 1);
                    body.obj(all.get(i));
                    cb.aastore();
                }
                if (multiLast) {
                    body.multi(all.getLast());
                    body.invokestatic(OPS, "append", mt(OBJECTS, OBJECTS, OBJECTS));
                }
            } else {
                body.valueArray(all);
            }
            type = Types.CALLV;
            method = "callv";
        }
        body.line(call.line());
        if (!tail) {
            body.invokevirtual(site, FUNCTION, method, type);
            if (selfSlot >= 0) {
                body.nextSlot = selfSlot;
            }
            return;
        }
        // stack: fn, state, args...
        Label trampoline = cb.newLabel();
        body.state();
        body.invokestatic(OPS, "enterTail", mt(Z, STATE));
        cb.ifeq(trampoline);
        Label start = cb.newBoundLabel();
        body.invokevirtual(new FunctionInfo.Site(null, FunctionInfo.Role.TAIL_CALL, calleeDesc), FUNCTION, method, type);
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
        if (selfSlot >= 0) {
            body.nextSlot = selfSlot;
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
