package dev.wippy.runtime.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A registry query (spec 01 §4.3): conditions that must all hold, each on a meta field ({@code meta.<path>}) or an
 * intrinsic field ({@code .kind}, {@code .ns}, {@code .name}, {@code .id}). Values are compared as text with the
 * operator chosen by the key's prefix: none (glob, exact without wildcards), {@code ~} (regular expression, found
 * anywhere), {@code *} (contains; for a list, any element equals), {@code ^} (starts with), {@code $} (ends with).
 * A missing field never matches, and neither does a mapping.
 */
public final class EntryFilter {
    private static final Comparator<Entry> BY_ID = Comparator.comparing(Entry::id);
    private static final String META = "meta.";

    private final List<Condition> conditions;

    private EntryFilter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    private enum Operator { GLOB, REGEX, CONTAINS, PREFIX, SUFFIX }

    private record Condition(Function<Entry, Object> field, Operator op, String value, Pattern pattern) {
        boolean test(Entry e) {
            Object v = field.apply(e);
            if (v instanceof Collection<?> list) {
                return op == Operator.CONTAINS && list.stream().anyMatch(item -> value.equals(text(item)));
            }
            if (v == null || v instanceof Map<?, ?>) {
                return false;
            }
            String text = text(v);
            return switch (op) {
                case GLOB -> pattern.matcher(text).matches();
                case REGEX -> pattern.matcher(text).find();
                case CONTAINS -> text.contains(value);
                case PREFIX -> text.startsWith(value);
                case SUFFIX -> text.endsWith(value);
            };
        }
    }

    /**
     * A filter from its keys and the texts they are compared with.
     *
     * @param legacy receives each bare key (neither {@code meta.} nor {@code .}): accepted, but deprecated
     * @throws IllegalArgumentException for an unknown intrinsic field or a bad regular expression
     */
    public static EntryFilter of(Map<String, String> conditions, Consumer<String> legacy) {
        List<Condition> parsed = new ArrayList<>();
        conditions.forEach((key, value) -> {
            Operator op = switch (key.isEmpty() ? ' ' : key.charAt(0)) {
                case '~' -> Operator.REGEX;
                case '*' -> Operator.CONTAINS;
                case '^' -> Operator.PREFIX;
                case '$' -> Operator.SUFFIX;
                default -> Operator.GLOB;
            };
            String name = op == Operator.GLOB ? key : key.substring(1);
            parsed.add(new Condition(field(name, legacy), op, value, pattern(op, value)));
        });
        return new EntryFilter(parsed);
    }

    private static Function<Entry, Object> field(String name, Consumer<String> legacy) {
        if (name.startsWith(META)) {
            String path = name.substring(META.length());
            return e -> Values.at(e.meta(), path);
        }
        if (name.startsWith(".")) {
            Function<Entry, Object> f = intrinsic(name.substring(1));
            if (f == null) {
                throw new IllegalArgumentException("unknown entry field '" + name + "' (.kind, .ns, .name or .id)");
            }
            return f;
        }
        legacy.accept(name);
        Function<Entry, Object> f = intrinsic(name);
        return f != null ? f : e -> Values.at(e.meta(), name);
    }

    private static Function<Entry, Object> intrinsic(String name) {
        return switch (name) {
            case "kind" -> Entry::kind;
            case "ns" -> Entry::namespace;
            case "name" -> Entry::name;
            case "id" -> Entry::id;
            default -> null;
        };
    }

    private static Pattern pattern(Operator op, String value) {
        try {
            return switch (op) {
                case GLOB -> Glob.compile(value);
                case REGEX -> Pattern.compile(value);
                default -> null;
            };
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + value + "': " + e.getDescription());
        }
    }

    /** Values compare as text: booleans as {@code true}/{@code false}, integers without a decimal point. */
    private static String text(Object v) {
        return String.valueOf(v);
    }

    public boolean matches(Entry e) {
        return conditions.stream().allMatch(c -> c.test(e));
    }

    /** The matching entries sorted by ID (spec 01 §4.2). */
    public List<Entry> select(Collection<Entry> entries) {
        return entries.stream().filter(this::matches).sorted(BY_ID).toList();
    }
}
