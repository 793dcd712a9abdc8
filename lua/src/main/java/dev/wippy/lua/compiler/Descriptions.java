package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.vm.FunctionInfo;

/**
 * PUC's descriptions of the values an instruction works on ({@code local 'x'}, {@code global 'print'},
 * {@code field 'name'}, ...), which error messages and tracebacks show.
 */
final class Descriptions {
    private final Resolution res;

    Descriptions(Resolution res) {
        this.res = res;
    }

    /** PUC's description of the value of an expression (for error messages), or null. */
    FunctionInfo.Desc describe(Expr e) {
        return switch (e) {
            case Expr.Name n -> describeBinding(res.names.get(n), n.name());
            case Expr.Index ix when ix.key() instanceof Expr.Str key -> {
                String k = new String(key.value(), java.nio.charset.StandardCharsets.ISO_8859_1);
                String qualified = ix.object() instanceof Expr.Name lib
                        && res.names.get(lib) instanceof Binding.Global ? lib.name() + "." + k : null;
                yield new FunctionInfo.Desc(isEnv(ix.object()) ? "global" : "field", k, qualified);
            }
            case Expr.Index ix when ix.key() instanceof Expr.Int k && k.value() >= 0 && k.value() <= 255 ->
                    new FunctionInfo.Desc("field", "integer index");
            case Expr.Index ignored -> new FunctionInfo.Desc("field", "?");
            case Expr.Str s -> new FunctionInfo.Desc("constant",
                    new String(s.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
            case Expr.Paren p -> TypeInference.isMulti(p.inner()) ? null : describe(p.inner());
            default -> null;
        };
    }

    private boolean isEnv(Expr e) {
        return e instanceof Expr.Name n && n.name().equals("_ENV") && !(res.names.get(n) instanceof Binding.Global);
    }

    static FunctionInfo.Desc describeBinding(Binding b, String name) {
        return switch (b) {
            case Binding.Local l when l.variable().constant != null -> describeConstant(l.variable().constant);
            case Binding.Up u when u.upvalue().variable.constant != null ->
                    describeConstant(u.upvalue().variable.constant);
            case Binding.Local ignored -> new FunctionInfo.Desc("local", name);
            case Binding.Up ignored -> new FunctionInfo.Desc("upvalue", name);
            case Binding.Global g -> new FunctionInfo.Desc("global", g.name());
        };
    }

    /** A compile-time constant is no variable for PUC: only a string one is described, as a constant. */
    private static FunctionInfo.Desc describeConstant(Object value) {
        return value instanceof byte[] s
                ? new FunctionInfo.Desc("constant", new String(s, java.nio.charset.StandardCharsets.ISO_8859_1))
                : null;
    }

    static FunctionInfo.Desc describeBinding(Binding b) {
        return switch (b) {
            case Binding.Local l -> new FunctionInfo.Desc("local", l.variable().name);
            case Binding.Up u -> new FunctionInfo.Desc("upvalue", u.upvalue().name);
            case Binding.Global g -> new FunctionInfo.Desc("global", g.name());
        };
    }
}
