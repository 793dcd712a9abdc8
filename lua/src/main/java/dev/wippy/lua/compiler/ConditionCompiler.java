package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.BinOp;
import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.syntax.UnOp;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.MethodTypeDesc;

import static dev.wippy.lua.compiler.Types.D;
import static dev.wippy.lua.compiler.Types.J;
import static dev.wippy.lua.compiler.Types.OBJECT;
import static dev.wippy.lua.compiler.Types.OPS;
import static dev.wippy.lua.compiler.Types.STATE;
import static dev.wippy.lua.compiler.Types.Z;
import static dev.wippy.lua.compiler.Types.mt;

/**
 * Compiles conditions to jumps (without materialising booleans for {@code and}, {@code or}, {@code not} and
 * comparisons) and comparisons to an int 0/1, on unboxed numbers when both operands are typed.
 */
final class ConditionCompiler {
    private final BodyCompiler body;
    private final CodeBuilder cb;
    private final Resolution res;

    ConditionCompiler(BodyCompiler body) {
        this.body = body;
        this.cb = body.cb;
        this.res = body.res;
    }

    /** Jumps to {@code ifFalse} when {@code e} is false or nil; falls through otherwise. */
    void condition(Expr e, Label ifFalse) {
        switch (e) {
            case Expr.True ignored -> {
            }
            case Expr.False ignored -> cb.goto_(ifFalse);
            case Expr.Nil ignored -> cb.goto_(ifFalse);
            case Expr.Unary u when u.op() == UnOp.NOT -> conditionTrue(u.operand(), ifFalse);
            case Expr.Binary b when b.op() == BinOp.AND -> {
                condition(b.left(), ifFalse);
                condition(b.right(), ifFalse);
            }
            case Expr.Binary b when b.op() == BinOp.OR -> {
                Label ok = cb.newLabel();
                conditionTrue(b.left(), ok);
                condition(b.right(), ifFalse);
                cb.labelBinding(ok);
            }
            case Expr.Binary b when isComparison(b.op()) -> {
                comparison(b);
                cb.ifeq(ifFalse);
            }
            case Expr.Paren p -> condition(p.inner(), ifFalse);
            default -> {
                body.obj(e);
                body.invokestatic(OPS, "truthy", mt(Z, OBJECT));
                cb.ifeq(ifFalse);
            }
        }
    }

    /** Jumps to {@code ifTrue} when {@code e} is truthy; falls through otherwise. */
    private void conditionTrue(Expr e, Label ifTrue) {
        switch (e) {
            case Expr.True ignored -> cb.goto_(ifTrue);
            case Expr.False ignored -> {
            }
            case Expr.Nil ignored -> {
            }
            case Expr.Unary u when u.op() == UnOp.NOT -> condition(u.operand(), ifTrue);
            case Expr.Binary b when b.op() == BinOp.OR -> {
                conditionTrue(b.left(), ifTrue);
                conditionTrue(b.right(), ifTrue);
            }
            case Expr.Binary b when b.op() == BinOp.AND -> {
                Label no = cb.newLabel();
                condition(b.left(), no);
                conditionTrue(b.right(), ifTrue);
                cb.labelBinding(no);
            }
            case Expr.Binary b when isComparison(b.op()) -> {
                comparison(b);
                cb.ifne(ifTrue);
            }
            case Expr.Paren p -> conditionTrue(p.inner(), ifTrue);
            default -> {
                body.obj(e);
                body.invokestatic(OPS, "truthy", mt(Z, OBJECT));
                cb.ifne(ifTrue);
            }
        }
    }

    private static boolean isComparison(BinOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    /** Pushes the int 1 or 0 for a comparison. */
    void comparison(Expr.Binary b) {
        BinOp op = b.op();
        Expr left = b.left();
        Expr right = b.right();
        if (op == BinOp.GT || op == BinOp.GE) {
            Expr t = left;
            left = right;
            right = t;
            op = op == BinOp.GT ? BinOp.LT : BinOp.LE;
            // Lua evaluates a > b as b < a but the operands are still evaluated left to right; numbers and
            // variables read the same in either order (a global may run __index: it is not such an operand).
            boolean numeric = body.typeOf(left) != StaticType.ANY && body.typeOf(right) != StaticType.ANY;
            if (!numeric && (!isPure(left) || !isPure(right))) {
                comparisonSwappedImpure(b, op);
                return;
            }
        }
        StaticType lt = body.typeOf(left);
        StaticType rt = body.typeOf(right);
        if (lt != StaticType.ANY && rt != StaticType.ANY) {
            numericComparison(op, left, right, lt, rt);
            return;
        }
        body.state();
        body.obj(left);
        body.obj(right);
        body.line(b.line());
        switch (op) {
            case EQ -> body.invokestatic(BodyCompiler.opSite("eq"), OPS, "eq", mt(Z, STATE, OBJECT, OBJECT));
            case NE -> {
                body.invokestatic(BodyCompiler.opSite("eq"), OPS, "eq", mt(Z, STATE, OBJECT, OBJECT));
                cb.iconst_1();
                cb.ixor();
            }
            case LT -> body.invokestatic(BodyCompiler.opSite("lt"), OPS, "lt", mt(Z, STATE, OBJECT, OBJECT));
            case LE -> body.invokestatic(BodyCompiler.opSite("le"), OPS, "le", mt(Z, STATE, OBJECT, OBJECT));
            default -> throw new IllegalStateException(op.toString());
        }
    }

    /** {@code a > b} with side effects: evaluate a then b, then compare b < a. */
    private void comparisonSwappedImpure(Expr.Binary b, BinOp swapped) {
        body.state();
        body.obj(b.left());
        body.obj(b.right());
        cb.swap();
        body.line(b.line());
        String event = swapped == BinOp.LT ? "lt" : "le";
        body.invokestatic(BodyCompiler.opSite(event), OPS, event, mt(Z, STATE, OBJECT, OBJECT));
    }

    private boolean isPure(Expr e) {
        return switch (e) {
            case Expr.Name n -> !(res.names.get(n) instanceof Binding.Global);
            case Expr.Int ignored -> true;
            case Expr.Flt ignored -> true;
            case Expr.Str ignored -> true;
            case Expr.Nil ignored -> true;
            case Expr.True ignored -> true;
            case Expr.False ignored -> true;
            case Expr.Paren p -> isPure(p.inner());
            default -> false;
        };
    }

    private void numericComparison(BinOp op, Expr left, Expr right, StaticType lt, StaticType rt) {
        if (lt == rt) {
            body.expr(left);
            body.expr(right);
            if (lt == StaticType.INT) {
                cb.lcmp();
            } else if (op == BinOp.LT || op == BinOp.LE) {
                cb.dcmpg();
            } else {
                cb.dcmpl();
            }
            Label t = cb.newLabel();
            Label end = cb.newLabel();
            switch (op) {
                case EQ -> cb.ifeq(t);
                case NE -> cb.ifne(t);
                case LT -> cb.iflt(t);
                case LE -> cb.ifle(t);
                default -> throw new IllegalStateException(op.toString());
            }
            cb.iconst_0();
            cb.goto_(end);
            cb.labelBinding(t);
            cb.iconst_1();
            cb.labelBinding(end);
            return;
        }
        body.expr(left);
        body.expr(right);
        MethodTypeDesc type = lt == StaticType.INT ? mt(Z, J, D) : mt(Z, D, J);
        switch (op) {
            case EQ, NE -> {
                if (lt == StaticType.FLOAT) {
                    // eq(long, double) expects the integer first
                    int d = body.newSlot(StaticType.INT);
                    cb.lstore(d);
                    int f = body.newSlot(StaticType.FLOAT);
                    cb.dstore(f);
                    cb.lload(d);
                    cb.dload(f);
                    body.nextSlot = d;
                }
                body.invokestatic(OPS, "eq", mt(Z, J, D));
                if (op == BinOp.NE) {
                    cb.iconst_1();
                    cb.ixor();
                }
            }
            case LT -> body.invokestatic(OPS, "lt", type);
            case LE -> body.invokestatic(OPS, "le", type);
            default -> throw new IllegalStateException(op.toString());
        }
    }
}
