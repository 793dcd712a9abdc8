package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.syntax.TableField;

import java.util.function.Consumer;

/**
 * The expressions directly inside an expression, for the analyses that walk every expression. A function's body
 * is not among them (its statements are walked as statements). The switch has no default: a new expression form
 * must say what it contains.
 */
final class SubExpressions {
    private SubExpressions() {}

    static void each(Expr e, Consumer<Expr> action) {
        switch (e) {
            case Expr.Binary b -> {
                action.accept(b.left());
                action.accept(b.right());
            }
            case Expr.Unary u -> action.accept(u.operand());
            case Expr.Index ix -> {
                action.accept(ix.object());
                action.accept(ix.key());
            }
            case Expr.Call c -> {
                action.accept(c.function());
                c.args().forEach(action);
            }
            case Expr.MethodCall m -> {
                action.accept(m.object());
                m.args().forEach(action);
            }
            case Expr.Table t -> {
                for (TableField f : t.fields()) {
                    if (f instanceof TableField.Keyed k) {
                        action.accept(k.key());
                    }
                    action.accept(f.value());
                }
            }
            case Expr.Paren p -> action.accept(p.inner());
            case Expr.Cast c -> action.accept(c.inner());
            case Expr.NonNil n -> action.accept(n.inner());
            case Expr.Function ignored -> {
            }
            case Expr.Name ignored -> {
            }
            case Expr.Nil ignored -> {
            }
            case Expr.True ignored -> {
            }
            case Expr.False ignored -> {
            }
            case Expr.Vararg ignored -> {
            }
            case Expr.Int ignored -> {
            }
            case Expr.Flt ignored -> {
            }
            case Expr.Str ignored -> {
            }
        }
    }
}
