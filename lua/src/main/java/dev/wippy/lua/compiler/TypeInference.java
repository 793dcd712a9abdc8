package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.BinOp;
import dev.wippy.lua.syntax.Block;
import dev.wippy.lua.syntax.Expr;
import dev.wippy.lua.syntax.FuncBody;
import dev.wippy.lua.syntax.Stat;
import dev.wippy.lua.syntax.UnOp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds locals that only ever hold integers (or only floats), so that the code generator can keep them in JVM
 * {@code long}/{@code double} slots and do their arithmetic without boxing. Sound because arithmetic between two
 * numbers never consults metamethods. Captured locals stay untyped (closures hold values as objects).
 */
final class TypeInference {
    /** Where a candidate local gets a value from. */
    private sealed interface Source {
        record Of(Expr expression) implements Source {}

        record Unknown() implements Source {}

        record ForVariable(Expr start, Expr step) implements Source {}
    }

    private final Resolution resolution;
    private final Map<LocalVar, List<Source>> sources = new IdentityHashMap<>();
    private final Map<LocalVar, StaticType> types = new IdentityHashMap<>();

    private TypeInference(Resolution resolution) {
        this.resolution = resolution;
    }

    static void run(Resolution resolution, Block mainBody) {
        TypeInference ti = new TypeInference(resolution);
        ti.block(mainBody);
        ti.solve();
    }

    private void solve() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<LocalVar, List<Source>> e : sources.entrySet()) {
                StaticType t = null;
                for (Source src : e.getValue()) {
                    StaticType st = typeOf(src);
                    if (st != null) {
                        t = t == null ? st : t.join(st);
                    }
                }
                if (t != null && t != types.get(e.getKey())) {
                    types.put(e.getKey(), t);
                    changed = true;
                }
            }
        }
        for (Map.Entry<LocalVar, StaticType> e : types.entrySet()) {
            e.getKey().type = e.getValue();
        }
    }

    private StaticType typeOf(Source src) {
        return switch (src) {
            case Source.Unknown ignored -> StaticType.ANY;
            case Source.Of of -> typeOf(of.expression());
            case Source.ForVariable f -> {
                StaticType a = typeOf(f.start());
                StaticType b = f.step() == null ? StaticType.INT : typeOf(f.step());
                if (a == null || b == null) {
                    yield null;
                }
                if (a == StaticType.ANY || b == StaticType.ANY) {
                    yield StaticType.ANY;
                }
                yield a == StaticType.INT && b == StaticType.INT ? StaticType.INT : StaticType.FLOAT;
            }
        };
    }

    /** The static type of an expression given the current knowledge; null while unknown. */
    private StaticType typeOf(Expr e) {
        return typeOf(e, resolution, types);
    }

    /** Shared with the code generator, which must compute exactly the same types. */
    static StaticType typeOf(Expr e, Resolution resolution, Map<LocalVar, StaticType> known) {
        return switch (e) {
            case Expr.Int ignored -> StaticType.INT;
            case Expr.Flt ignored -> StaticType.FLOAT;
            case Expr.Name n -> {
                if (resolution.names.get(n) instanceof Binding.Local l && isCandidate(l.variable())) {
                    yield known == null ? l.variable().type : known.get(l.variable());
                }
                yield StaticType.ANY;
            }
            case Expr.Paren p -> isMulti(p.inner()) ? StaticType.ANY : typeOf(p.inner(), resolution, known);
            case Expr.Cast c -> isMulti(c.inner()) ? StaticType.ANY : typeOf(c.inner(), resolution, known);
            case Expr.NonNil n -> isMulti(n.inner()) ? StaticType.ANY : typeOf(n.inner(), resolution, known);
            case Expr.Unary u -> {
                if (u.op() != UnOp.NEG && u.op() != UnOp.BNOT) {
                    yield StaticType.ANY;
                }
                StaticType t = typeOf(u.operand(), resolution, known);
                if (t == null || t == StaticType.ANY) {
                    yield t;
                }
                yield u.op() == UnOp.NEG ? t : (t == StaticType.INT ? StaticType.INT : StaticType.ANY);
            }
            case Expr.Binary b -> binaryType(b.op(), typeOf(b.left(), resolution, known),
                    typeOf(b.right(), resolution, known));
            default -> StaticType.ANY;
        };
    }

    static StaticType binaryType(BinOp op, StaticType a, StaticType b) {
        switch (op) {
            case ADD, SUB, MUL, MOD, IDIV, DIV, POW, BAND, BOR, BXOR, SHL, SHR -> {
            }
            default -> {
                return StaticType.ANY;
            }
        }
        if (a == StaticType.ANY || b == StaticType.ANY) {
            return StaticType.ANY;
        }
        if (a == null || b == null) {
            return null;
        }
        return switch (op) {
            case DIV, POW -> StaticType.FLOAT;
            case BAND, BOR, BXOR, SHL, SHR ->
                    a == StaticType.INT && b == StaticType.INT ? StaticType.INT : StaticType.ANY;
            default -> a == StaticType.INT && b == StaticType.INT ? StaticType.INT : StaticType.FLOAT;
        };
    }

    static boolean isCandidate(LocalVar v) {
        return !v.captured && !v.inspectable && !v.isTypeValue && v.owner.id >= 0 && v.attrib != Stat.Attrib.CLOSE;
    }

    static boolean isMulti(Expr e) {
        return e instanceof Expr.Call || e instanceof Expr.MethodCall || e instanceof Expr.Vararg;
    }

    // ---------------------------------------------------------------- collecting sources

    private void add(LocalVar v, Source s) {
        if (isCandidate(v)) {
            sources.computeIfAbsent(v, k -> new ArrayList<>()).add(s);
        }
    }

    private void assignAll(List<LocalVar> vars, List<Expr> values) {
        for (int i = 0; i < vars.size(); i++) {
            assignOne(vars.get(i), i, values);
        }
    }

    private void block(Block b) {
        for (Stat s : b.stats()) {
            statement(s);
        }
    }

    /**
     * Records where the locals a statement assigns get their values from, and walks everything inside it. The
     * switch has no default: a new statement form must say what it contains (expressions: {@link SubExpressions}).
     */
    private void statement(Stat st) {
        switch (st) {
            case Stat.Local l -> {
                l.values().forEach(this::expr);
                assignAll(resolution.declared.get(l), l.values());
            }
            case Stat.Assign a -> {
                for (int i = 0; i < a.targets().size(); i++) {
                    Expr t = a.targets().get(i);
                    if (t instanceof Expr.Name n && resolution.names.get(n) instanceof Binding.Local loc) {
                        assignOne(loc.variable(), i, a.values());
                    } else {
                        expr(t);
                    }
                }
                a.values().forEach(this::expr);
            }
            case Stat.LocalFunction lf -> {
                add(resolution.declared.get(lf).getFirst(), new Source.Unknown());
                function(lf.body());
            }
            case Stat.FunctionStat f -> {
                if (resolution.functionTargets.get(f) instanceof Binding.Local loc) {
                    add(loc.variable(), new Source.Unknown());
                }
                function(f.body());
            }
            case Stat.CallStat c -> expr(c.call());
            case Stat.Do d -> block(d.body());
            case Stat.While w -> {
                expr(w.condition());
                block(w.body());
            }
            case Stat.Repeat r -> {
                block(r.body());
                expr(r.condition());
            }
            case Stat.If i -> {
                i.conditions().forEach(this::expr);
                i.blocks().forEach(this::block);
                if (i.orElse() != null) {
                    block(i.orElse());
                }
            }
            case Stat.NumericFor f -> {
                expr(f.start());
                expr(f.limit());
                if (f.step() != null) {
                    expr(f.step());
                }
                add(resolution.declared.get(f).getFirst(), new Source.ForVariable(f.start(), f.step()));
                block(f.body());
            }
            case Stat.GenericFor f -> {
                f.values().forEach(this::expr);
                resolution.declared.get(f).forEach(v -> add(v, new Source.Unknown()));
                block(f.body());
            }
            case Stat.Return r -> r.values().forEach(this::expr);
            case Stat.Break ignored -> {
            }
            case Stat.Goto ignored -> {
            }
            case Stat.Label ignored -> {
            }
            case Stat.TypeDecl ignored -> {
            }
            case Stat.InterfaceDecl ignored -> {
            }
        }
    }

    /** Target {@code i} of a multiple assignment gets value {@code i}, or an unknown value (nil, or a call's). */
    private void assignOne(LocalVar v, int i, List<Expr> values) {
        boolean known = i < values.size() && !isMulti(values.get(i));
        add(v, known ? new Source.Of(values.get(i)) : new Source.Unknown());
    }

    /** A nested function: its parameters can hold anything; its body is analysed like any other. */
    private void function(FuncBody body) {
        resolution.parameters.get(body).forEach(p -> add(p, new Source.Unknown()));
        block(body.body());
    }

    /** Walks an expression for the functions nested in it. */
    private void expr(Expr e) {
        if (e instanceof Expr.Function f) {
            function(f.body());
        } else {
            SubExpressions.each(e, this::expr);
        }
    }
}
