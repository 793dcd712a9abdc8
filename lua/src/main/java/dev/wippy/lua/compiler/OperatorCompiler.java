package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.BinOp;
import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.vm.FunctionInfo;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;

import static dev.wippy.lua.compiler.Types.BOOLEAN;
import static dev.wippy.lua.compiler.Types.D;
import static dev.wippy.lua.compiler.Types.J;
import static dev.wippy.lua.compiler.Types.OBJECT;
import static dev.wippy.lua.compiler.Types.OBJECTS;
import static dev.wippy.lua.compiler.Types.OPS;
import static dev.wippy.lua.compiler.Types.STATE;
import static dev.wippy.lua.compiler.Types.Z;
import static dev.wippy.lua.compiler.Types.mt;

/**
 * Compiles unary and binary operators: on unboxed {@code long}/{@code double} values when the operand types are
 * known, else through {@link dev.wippy.lua.vm.Ops} with the operands' descriptions recorded for error messages.
 */
final class OperatorCompiler {
    private final BodyCompiler body;
    private final CodeBuilder cb;

    OperatorCompiler(BodyCompiler body) {
        this.body = body;
        this.cb = body.cb;
    }

    StaticType unary(Expr.Unary u) {
        switch (u.op()) {
            case NOT -> {
                body.obj(u.operand());
                body.invokestatic(OPS, "not", mt(BOOLEAN, OBJECT));
                return StaticType.ANY;
            }
            case NEG -> {
                StaticType t = body.typeOf(u.operand());
                if (t == StaticType.INT) {
                    body.expr(u.operand());
                    cb.lneg();
                    return t;
                }
                if (t == StaticType.FLOAT) {
                    body.expr(u.operand());
                    cb.dneg();
                    return t;
                }
                body.state();
                body.obj(u.operand());
                body.line(u.line());
                body.invokestatic(BodyCompiler.opSite("unm", describe(u.operand())), OPS, "unm",
                        mt(OBJECT, STATE, OBJECT));
                return StaticType.ANY;
            }
            case BNOT -> {
                if (body.typeOf(u.operand()) == StaticType.INT) {
                    body.expr(u.operand());
                    cb.loadConstant(-1L);
                    cb.lxor();
                    return StaticType.INT;
                }
                body.state();
                body.obj(u.operand());
                body.line(u.line());
                body.invokestatic(BodyCompiler.opSite("bnot", describe(u.operand())), OPS, "bnot",
                        mt(OBJECT, STATE, OBJECT));
                return StaticType.ANY;
            }
            case LEN -> {
                body.state();
                body.obj(u.operand());
                body.line(u.line());
                body.invokestatic(BodyCompiler.opSite("len", describe(u.operand())), OPS, "len",
                        mt(OBJECT, STATE, OBJECT));
                return StaticType.ANY;
            }
        }
        throw new IllegalStateException();
    }

    StaticType binary(Expr.Binary b) {
        switch (b.op()) {
            case AND -> {
                Label end = cb.newLabel();
                body.obj(b.left());
                cb.dup();
                body.invokestatic(OPS, "truthy", mt(Z, OBJECT));
                cb.ifeq(end);
                cb.pop();
                body.obj(b.right());
                cb.labelBinding(end);
                return StaticType.ANY;
            }
            case OR -> {
                Label end = cb.newLabel();
                body.obj(b.left());
                cb.dup();
                body.invokestatic(OPS, "truthy", mt(Z, OBJECT));
                cb.ifne(end);
                cb.pop();
                body.obj(b.right());
                cb.labelBinding(end);
                return StaticType.ANY;
            }
            case EQ, NE, LT, LE, GT, GE -> {
                body.conditions.comparison(b);
                body.invokestatic(BOOLEAN, "valueOf", mt(BOOLEAN, Z));
                return StaticType.ANY;
            }
            case CONCAT -> {
                concat(b);
                return StaticType.ANY;
            }
            default -> {
                return arithmetic(b);
            }
        }
    }

    private void concat(Expr.Binary b) {
        List<Expr> parts = new ArrayList<>();
        flattenConcat(b, parts);
        List<FunctionInfo.Desc> descs = new ArrayList<>();
        for (Expr p : parts) {
            descs.add(describe(p));
        }
        FunctionInfo.Site site = BodyCompiler.opSite("concat", descs.toArray(FunctionInfo.Desc[]::new));
        body.state();
        if (parts.size() == 2) {
            body.obj(parts.get(0));
            body.obj(parts.get(1));
            body.line(b.line());
            body.invokestatic(site, OPS, "concat", mt(OBJECT, STATE, OBJECT, OBJECT));
            return;
        }
        cb.loadConstant(parts.size());
        cb.anewarray(OBJECT);
        for (int i = 0; i < parts.size(); i++) {
            cb.dup();
            cb.loadConstant(i);
            body.obj(parts.get(i));
            cb.aastore();
        }
        body.line(b.line());
        body.invokestatic(site, OPS, "concat", mt(OBJECT, STATE, OBJECTS));
    }

    /** {@code a .. b .. c} is right-associative: collects the operands of a concatenation chain in order. */
    private static void flattenConcat(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == BinOp.CONCAT) {
            out.add(b.left());
            flattenConcat(b.right(), out);
        } else {
            out.add(e);
        }
    }

    private StaticType arithmetic(Expr.Binary b) {
        StaticType lt = body.typeOf(b.left());
        StaticType rt = body.typeOf(b.right());
        StaticType result = TypeInference.binaryType(b.op(), lt, rt);
        if (result == StaticType.INT) {
            body.expr(b.left());
            body.expr(b.right());
            body.line(b.line());
            switch (b.op()) {
                case ADD -> cb.ladd();
                case SUB -> cb.lsub();
                case MUL -> cb.lmul();
                case BAND -> cb.land();
                case BOR -> cb.lor();
                case BXOR -> cb.lxor();
                case IDIV -> body.invokestatic(OPS, "idiv", mt(J, J, J));
                case MOD -> body.invokestatic(OPS, "mod", mt(J, J, J));
                case SHL -> body.invokestatic(OPS, "shl", mt(J, J, J));
                case SHR -> body.invokestatic(OPS, "shr", mt(J, J, J));
                default -> throw new IllegalStateException(b.op().toString());
            }
            return StaticType.INT;
        }
        if (result == StaticType.FLOAT) {
            body.exprAs(b.left(), StaticType.FLOAT);
            body.exprAs(b.right(), StaticType.FLOAT);
            switch (b.op()) {
                case ADD -> cb.dadd();
                case SUB -> cb.dsub();
                case MUL -> cb.dmul();
                case DIV -> cb.ddiv();
                case MOD -> body.invokestatic(OPS, "mod", mt(D, D, D));
                case POW -> body.invokestatic(OPS, "pow", mt(D, D, D));
                case IDIV -> {
                    cb.ddiv();
                    body.invokestatic(ClassDesc.of("java.lang.Math"), "floor", mt(D, D));
                }
                default -> throw new IllegalStateException(b.op().toString());
            }
            return StaticType.FLOAT;
        }
        String method = switch (b.op()) {
            case ADD -> "add";
            case SUB -> "sub";
            case MUL -> "mul";
            case DIV -> "div";
            case MOD -> "mod";
            case IDIV -> "idiv";
            case POW -> "pow";
            case BAND -> "band";
            case BOR -> "bor";
            case BXOR -> "bxor";
            case SHL -> "shl";
            case SHR -> "shr";
            default -> throw new IllegalStateException(b.op().toString());
        };
        body.state();
        body.obj(b.left());
        body.obj(b.right());
        body.line(b.line());
        body.invokestatic(BodyCompiler.opSite(method, describe(b.left()), describe(b.right())), OPS, method,
                mt(OBJECT, STATE, OBJECT, OBJECT));
        return StaticType.ANY;
    }

    private FunctionInfo.Desc describe(Expr e) {
        return body.descriptions.describe(e);
    }
}
