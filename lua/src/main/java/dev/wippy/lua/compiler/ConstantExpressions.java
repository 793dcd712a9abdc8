package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.BinOp;
import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.vm.Arith;
import dev.wippy.lua.vm.LuaNumbers;

import java.util.Map;

/**
 * PUC's compile-time constants: a {@code <const>} local initialized with a constant expression (nil, a boolean, a
 * number, a string, or arithmetic PUC folds) has no register in PUC, so error messages never name it (a string
 * constant is described as {@code constant 'text'}). Only the descriptions in messages depend on this.
 */
final class ConstantExpressions {
    /** The value of a constant nil. */
    static final Object NIL = new Object();

    private ConstantExpressions() {}

    /** The value of {@code e} if PUC treats it as a compile-time constant (strings as byte arrays), else null. */
    static Object value(Expr e, Map<Expr.Name, Binding> names) {
        return switch (e) {
            case Expr.Nil ignored -> NIL;
            case Expr.True ignored -> Boolean.TRUE;
            case Expr.False ignored -> Boolean.FALSE;
            case Expr.Int i -> i.value();
            case Expr.Flt f -> f.value();
            case Expr.Str s -> s.value();
            case Expr.Paren p -> value(p.inner(), names);
            case Expr.Name n -> names.get(n) instanceof Binding.Local l ? l.variable().constant
                    : names.get(n) instanceof Binding.Up u ? u.upvalue().variable.constant : null;
            case Expr.Unary u -> unary(u, names);
            case Expr.Binary b -> binary(b, names);
            default -> null;
        };
    }

    private static Object unary(Expr.Unary u, Map<Expr.Name, Binding> names) {
        Object v = value(u.operand(), names);
        if (v == null) {
            return null;
        }
        return switch (u.op()) {
            case NOT -> v == NIL || v == Boolean.FALSE;
            case NEG -> v instanceof Long x ? (Object) (-x) : v instanceof Double d ? folded(-d) : null;
            case BNOT -> integral(v) instanceof Long x ? (Object) (~x) : null;
            case LEN -> null;
        };
    }

    /** Arithmetic and bitwise operations on numbers, except those PUC leaves to run time (division by zero). */
    private static Object binary(Expr.Binary b, Map<Expr.Name, Binding> names) {
        Object x = value(b.left(), names);
        Object y = value(b.right(), names);
        if (!(x instanceof Long || x instanceof Double) || !(y instanceof Long || y instanceof Double)) {
            return null;
        }
        BinOp op = b.op();
        switch (op) {
            case BAND, BOR, BXOR, SHL, SHR -> {
                Long i = integral(x);
                Long j = integral(y);
                if (i == null || j == null) {
                    return null;
                }
                return switch (op) {
                    case BAND -> i & j;
                    case BOR -> i | j;
                    case BXOR -> i ^ j;
                    case SHL -> Arith.shiftLeft(i, j);
                    default -> Arith.shiftLeft(i, -j);
                };
            }
            case DIV, IDIV, MOD -> {
                if (((Number) y).doubleValue() == 0) {
                    return null;
                }
            }
            case ADD, SUB, MUL, POW -> {
                // folded below
            }
            default -> {
                return null;
            }
        }
        if (x instanceof Long i && y instanceof Long j && op != BinOp.DIV && op != BinOp.POW) {
            return switch (op) {
                case ADD -> i + j;
                case SUB -> i - j;
                case MUL -> i * j;
                case IDIV -> Math.floorDiv(i, j);
                default -> Math.floorMod(i, j);
            };
        }
        double p = ((Number) x).doubleValue();
        double q = ((Number) y).doubleValue();
        return folded(switch (op) {
            case ADD -> p + q;
            case SUB -> p - q;
            case MUL -> p * q;
            case DIV -> p / q;
            case POW -> Arith.pow(p, q);
            case IDIV -> Math.floor(p / q);
            default -> Arith.mod(p, q);
        });
    }

    /** PUC folds no float result that is NaN or zero (to keep -0.0 apart from 0.0). */
    private static Object folded(double d) {
        return Double.isNaN(d) || d == 0 ? null : d;
    }

    private static Long integral(Object v) {
        return v instanceof Long l ? l : LuaNumbers.toInteger(v);
    }
}
