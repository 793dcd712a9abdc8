package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.syntax.Stat;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;

import static dev.wippy.lua.compiler.Types.D;
import static dev.wippy.lua.compiler.Types.J;
import static dev.wippy.lua.compiler.Types.LONG;
import static dev.wippy.lua.compiler.Types.NUMERIC_FOR;
import static dev.wippy.lua.compiler.Types.OBJECT;
import static dev.wippy.lua.compiler.Types.OPS;
import static dev.wippy.lua.compiler.Types.STATE;
import static dev.wippy.lua.compiler.Types.V;
import static dev.wippy.lua.compiler.Types.Z;
import static dev.wippy.lua.compiler.Types.mt;

/**
 * Compiles numeric {@code for} loops in the variant the types of start and step allow: integer loops on {@code long}
 * slots (the iteration count fixed in advance, so they never overflow), float loops on {@code double} slots, and a
 * dynamic loop ({@link dev.wippy.lua.vm.NumericFor}) when the types are known only at run time.
 */
final class NumericForCompiler {
    private final BodyCompiler body;
    private final CodeBuilder cb;
    private final Resolution res;
    private final Constants constants;

    NumericForCompiler(BodyCompiler body) {
        this.body = body;
        this.cb = body.cb;
        this.res = body.res;
        this.constants = body.constants;
    }

    void numericFor(Stat.NumericFor f) {
        LocalVar v = res.declared.get(f).getFirst();
        StaticType startType = body.typeOf(f.start());
        StaticType stepType = f.step() == null ? StaticType.INT : body.typeOf(f.step());
        if (startType == StaticType.INT && stepType == StaticType.INT) {
            integerFor(f, v);
        } else if (startType != StaticType.ANY && stepType != StaticType.ANY) {
            floatFor(f, v);
        } else {
            dynamicFor(f, v);
        }
    }

    private void integerFor(Stat.NumericFor f, LocalVar v) {
        Label exit = cb.newLabel();
        int i = body.newSlot(StaticType.INT);
        int step = body.newSlot(StaticType.INT);
        int limit = body.newSlot(StaticType.INT);
        Long constStep = f.step() == null ? Long.valueOf(1) : f.step() instanceof Expr.Int n ? n.value() : null;
        body.expr(f.start());
        cb.lstore(i);
        boolean intLimit = body.typeOf(f.limit()) == StaticType.INT;
        int limitObj = -1;
        if (intLimit) {
            body.expr(f.limit());
            cb.lstore(limit);
        } else {
            body.obj(f.limit());
            limitObj = body.newSlot(StaticType.ANY);
            cb.astore(limitObj);
        }
        evaluateStep(f, step);
        if (constStep == null || constStep == 0) {
            body.line(f.line());
            cb.lload(step);
            body.invokestatic(OPS, "forStepNotZero", mt(V, J));
        }
        if (!intLimit) {
            body.state();
            cb.lload(i);
            cb.aload(limitObj);
            cb.lload(step);
            body.line(f.line());
            body.invokestatic(OPS, "forLimit", mt(LONG, STATE, J, OBJECT, J));
            cb.dup();
            Label run = cb.newLabel();
            cb.ifnonnull(run);
            cb.pop();
            cb.goto_(exit);
            cb.labelBinding(run);
            cb.invokevirtual(LONG, "longValue", mt(J));
            cb.lstore(limit);
        }
        // skip when the loop would not run
        cb.lload(i);
        cb.lload(limit);
        cb.lcmp();
        if (constStep != null && constStep > 0) {
            cb.ifgt(exit);
        } else if (constStep != null) {
            cb.iflt(exit);
        } else {
            Label neg = cb.newLabel();
            Label ok = cb.newLabel();
            cb.lload(step);
            cb.lconst_0();
            cb.lcmp();
            cb.iflt(neg);
            cb.ifgt(exit);
            cb.goto_(ok);
            cb.labelBinding(neg);
            cb.iflt(exit);
            cb.labelBinding(ok);
        }
        boolean unitStep = constStep != null && (constStep == 1 || constStep == -1);
        int count = -1;
        if (!unitStep) {
            count = body.newSlot(StaticType.INT);
            cb.lload(i);
            cb.lload(limit);
            cb.lload(step);
            body.invokestatic(OPS, "forCount", mt(J, J, J, J));
            cb.lstore(count);
        }
        Label top = cb.newBoundLabel();
        int mark = body.nextSlot;
        cb.lload(i);
        body.coerce(StaticType.INT, BodyCompiler.slotType(v));
        body.declareAndStore(v);
        Label cont = cb.newLabel();
        body.loopBody(f, f.body(), exit, () -> { });
        body.nextSlot = mark;
        cb.labelBinding(cont);
        body.tick();
        if (unitStep) {
            cb.lload(i);
            cb.lload(limit);
            cb.lcmp();
            cb.ifeq(exit);
            cb.lload(i);
            cb.lconst_1();
            if (constStep == 1) {
                cb.ladd();
            } else {
                cb.lsub();
            }
            cb.lstore(i);
        } else {
            cb.lload(count);
            cb.lconst_0();
            cb.lcmp();
            cb.ifeq(exit);
            cb.lload(count);
            cb.lconst_1();
            cb.lsub();
            cb.lstore(count);
            cb.lload(i);
            cb.lload(step);
            cb.ladd();
            cb.lstore(i);
        }
        cb.goto_(top);
        cb.labelBinding(exit);
    }

    private void evaluateStep(Stat.NumericFor f, int step) {
        if (f.step() == null) {
            cb.lconst_1();
        } else {
            body.expr(f.step());
        }
        cb.lstore(step);
    }

    private void floatFor(Stat.NumericFor f, LocalVar v) {
        Label exit = cb.newLabel();
        int x = body.newSlot(StaticType.FLOAT);
        int limit = body.newSlot(StaticType.FLOAT);
        int step = body.newSlot(StaticType.FLOAT);
        body.exprAs(f.start(), StaticType.FLOAT);
        cb.dstore(x);
        body.state();
        body.obj(f.limit());
        cb.loadConstant("limit");
        body.line(f.line());
        body.invokestatic(OPS, "forFloat", mt(D, STATE, OBJECT, ClassDesc.of("java.lang.String")));
        cb.dstore(limit);
        if (f.step() == null) {
            cb.dconst_1();
        } else {
            body.exprAs(f.step(), StaticType.FLOAT);
        }
        cb.dstore(step);
        cb.dload(step);
        cb.dconst_0();
        cb.dcmpl();
        Label nonZero = cb.newLabel();
        cb.ifne(nonZero);
        cb.lconst_0();
        body.line(f.line());
        body.invokestatic(OPS, "forStepNotZero", mt(V, J));
        cb.labelBinding(nonZero);
        Label top = cb.newLabel();
        floatForTest(x, limit, step, top, exit, true);
        cb.labelBinding(top);
        int mark = body.nextSlot;
        cb.dload(x);
        body.coerce(StaticType.FLOAT, BodyCompiler.slotType(v));
        body.declareAndStore(v);
        body.loopBody(f, f.body(), exit, () -> { });
        body.nextSlot = mark;
        body.tick();
        cb.dload(x);
        cb.dload(step);
        cb.dadd();
        cb.dstore(x);
        Label again = cb.newLabel();
        floatForTest(x, limit, step, again, exit, false);
        cb.labelBinding(again);
        cb.goto_(top);
        cb.labelBinding(exit);
    }

    /**
     * Jumps to {@code run} when {@code x} is within the limit for the step's direction, else to {@code exit}. Like
     * PUC's, the {@code first} test only asks whether the limit is past {@code x}, so a NaN limit runs the body once.
     */
    private void floatForTest(int x, int limit, int step, Label run, Label exit, boolean first) {
        Label down = cb.newLabel();
        cb.dload(step);
        cb.dconst_0();
        cb.dcmpl();
        cb.iflt(down);
        floatForJump(x, limit, run, exit, first);
        cb.labelBinding(down);
        floatForJump(limit, x, run, exit, first);
    }

    /**
     * For a {@code low} that must not pass {@code high}: the first test exits when high < low, the later ones run
     * while low <= high.
     */
    private void floatForJump(int low, int high, Label run, Label exit, boolean first) {
        if (first) {
            cb.dload(high);
            cb.dload(low);
            cb.dcmpg();
            cb.iflt(exit);
            cb.goto_(run);
        } else {
            cb.dload(low);
            cb.dload(high);
            cb.dcmpg();
            cb.ifle(run);
            cb.goto_(exit);
        }
    }

    private void dynamicFor(Stat.NumericFor f, LocalVar v) {
        Label exit = cb.newLabel();
        int loop = body.newSlot(StaticType.ANY);
        body.state();
        body.obj(f.start());
        body.obj(f.limit());
        if (f.step() == null) {
            constants.integer(cb, 1);
        } else {
            body.obj(f.step());
        }
        body.line(f.line());
        body.invokestatic(NUMERIC_FOR, "prepare", mt(NUMERIC_FOR, STATE, OBJECT, OBJECT, OBJECT));
        cb.dup();
        cb.astore(loop);
        cb.ifnull(exit);
        Label top = cb.newBoundLabel();
        int mark = body.nextSlot;
        cb.aload(loop);
        body.invokevirtual(null, NUMERIC_FOR, "value", mt(OBJECT));
        body.coerce(StaticType.ANY, BodyCompiler.slotType(v));
        body.declareAndStore(v);
        body.loopBody(f, f.body(), exit, () -> { });
        body.nextSlot = mark;
        body.tick();
        cb.aload(loop);
        body.invokevirtual(null, NUMERIC_FOR, "next", mt(Z));
        cb.ifne(top);
        cb.labelBinding(exit);
    }
}
