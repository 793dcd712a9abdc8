package dev.wippy.lua.fuzz;

import dev.wippy.lua.Lua;
import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static dev.wippy.lua.fuzz.SeededTries.oneOf;

/**
 * {@code string.format}, {@code string.pack}/{@code unpack}/{@code packsize} and the pattern functions
 * ({@code find}, {@code match}, {@code gmatch}, {@code gsub}) given random formats, patterns, subjects and
 * arguments return or raise a Lua error within a second: never a Java exception, never a hang.
 */
class StringLibraryFuzzTest {
    private static final CompiledChunk FORMAT = Lua.compile("return string.format(...)", "format");
    private static final CompiledChunk PACK = Lua.compile("return string.pack(...)", "pack");
    private static final CompiledChunk UNPACK = Lua.compile("return string.unpack(...)", "unpack");
    private static final CompiledChunk PACKSIZE = Lua.compile("return string.packsize(...)", "packsize");
    /** Calls the pattern function named by its first argument; replacements named "fn..." become functions. */
    private static final CompiledChunk PATTERN = Lua.compile("""
            local name, subject, pattern, a, b = ...
            if name == "gmatch" then
                local n = 0
                for _ in string.gmatch(subject, pattern, a) do
                    n = n + 1
                    if n > 1000 then break end
                end
                return n
            elseif name == "gsub" then
                local repl = ({
                    fn = function(...) return ... end,
                    fnfalse = function() return false end,
                    fntable = function() return {} end,
                    tbl = { a = "A", ["1"] = 2, [""] = {} },
                })[b] or b
                return string.gsub(subject, pattern, repl, a)
            end
            return string[name](subject, pattern, a, b)
            """, "pattern");

    private static final List<String> PRECISIONS = List.of("", ".", ".0", ".1", ".20", ".99", ".100", ".x");
    private static final List<String> CONVERSIONS = List.of("cdiouxXaAeEfFgGqsp%zbnlh*$I".split(""));
    private static final List<String> FORMAT_GLUE = List.of("", "x", "%%", "%", "\u0000", "\u00ff");
    /**
     * Pack options, their sizes and alignments, with some that are not options at all. A size beyond the largest
     * string is there; sizes just under it are not: the gigabyte strings they ask for are real work, not a hang,
     * and would crowd the test JVM's heap.
     */
    private static final List<String> PACK_OPTIONS = List.of("<", ">", "=", "!", "!1", "!3", "!4", "!8", "!16",
            "!17", "b", "B", "h", "H", "l", "L", "j", "J", "T", "i", "i1", "i3", "i8", "i9", "i16", "i17", "i0", "I",
            "I2", "I5", "I16", "f", "d", "n", "s", "s1", "s2", "s4", "s9", "z", "x", "X", "Xi4", "Xd", "Xz", "X8",
            "c", "c0", "c3", "c99999", "c2147483639", " ", "w", "%", "i2147483648");
    private static final List<String> PATTERN_FUNCTIONS = List.of("find", "match", "gmatch", "gsub");
    /** Every pattern construct: classes, sets, quantifiers, anchors, captures, %b, %f, back-references. */
    private static final List<String> PATTERN_PIECES = List.of("a", "b", "1", " ", ".", "%a", "%d", "%s", "%w",
            "%x", "%p", "%c", "%u", "%l", "%g", "%A", "%D", "%S", "%W", "%%", "%.", "%z", "%q", "[a-c]", "[^ab]",
            "[%a_]", "[]", "[^]", "[a-]", "[%]", "[]]", "[", "]", "*", "+", "-", "?", "a-", "a*", ".-", "^", "$", "(",
            ")", "()", "%b()", "%b", "%bx", "%f[%w]", "%f[", "%f", "%1", "%2", "%0", "%9", "%", "\u0000");
    /** gsub replacements: strings with escapes, and names that the chunk turns into a table or functions. */
    private static final List<String> REPLACEMENTS = List.of("x", "%0", "%1", "%2", "%9", "%%", "%x", "x%",
            "<%0|%1>", "fn", "fnfalse", "fntable", "tbl");

    record Call(LuaString first, List<Object> arguments) {
        Object[] all() {
            List<Object> all = new ArrayList<>();
            all.add(first);
            all.addAll(arguments);
            return all.toArray();
        }

        @Override
        public String toString() {
            return LuaValues.show(all());
        }
    }

    record UnpackCall(LuaString format, LuaString data, Object position) {
        @Override
        public String toString() {
            return LuaValues.show(format, data, position);
        }
    }

    record PatternCall(String function, LuaString subject, LuaString pattern, Object a, Object b) {
        @Override
        public String toString() {
            return function + "(" + LuaValues.show(subject, pattern, a, b) + ")";
        }
    }

    @Test
    void stringFormatReturnsOrRaisesALuaError() {
        SeededTries.check(1505, 500, r -> new Call(format(r), arguments(r)),
                call -> BoundedRun.run(FORMAT, call.all()));
    }

    @Test
    void stringPackReturnsOrRaisesALuaError() {
        SeededTries.check(1506, 800, r -> new Call(packFormat(r), arguments(r)),
                call -> BoundedRun.run(PACK, call.all()));
    }

    @Test
    void stringUnpackAndPacksizeReturnOrRaiseALuaError() {
        SeededTries.check(1507, 600, r -> new UnpackCall(packFormat(r),
                LuaString.wrap(SeededTries.bytes(r, 40)), position(r)), call -> {
            BoundedRun.run(UNPACK, call.format(), call.data(), call.position());
            BoundedRun.run(PACKSIZE, call.format());
        });
    }

    @Test
    void patternFunctionsReturnOrRaiseALuaError() {
        SeededTries.check(1508, 1000, r -> new PatternCall(oneOf(r, PATTERN_FUNCTIONS), subject(r),
                        pieces(r, p -> oneOf(p, PATTERN_PIECES), List.of("")), position(r), patternExtra(r)),
                call -> BoundedRun.run(PATTERN, LuaString.of(call.function()), call.subject(), call.pattern(),
                        call.a(), call.b()));
    }

    private static List<Object> arguments(Random random) {
        return SeededTries.listOf(random, 0, 6, LuaValues::any);
    }

    /** Text with conversion specifications: flags, width and precision of any length, known and unknown letters. */
    private static LuaString format(Random random) {
        return pieces(random, r -> "%" + SeededTries.string(r, "-+ #0", 6) + SeededTries.string(r, "0123456789", 3)
                + oneOf(r, PRECISIONS) + oneOf(r, CONVERSIONS), FORMAT_GLUE);
    }

    /** Sequences of pack options. */
    private static LuaString packFormat(Random random) {
        return pieces(random, r -> oneOf(r, PACK_OPTIONS), List.of(""));
    }

    /** Start positions and counts: absent, small, negative, beyond the subject, extreme; or not a number. */
    private static Object position(Random random) {
        if (random.nextInt(10) < 3) {
            return null;
        }
        return random.nextInt(6) < 5 ? LuaValues.integer(random) : LuaValues.any(random);
    }

    /** Subjects from the characters patterns talk about, or long runs of one piece for backtracking. */
    private static LuaString subject(Random random) {
        return LuaValues.string(random.nextBoolean()
                ? SeededTries.string(random, "aab1 ()[]%.-\n\u0000\u00ff", 60)
                : oneOf(random, List.of("a", "ab", "()")).repeat(random.nextInt(3001)));
    }

    /** The fourth argument: find's plain flag, or gsub's replacement; or any value. */
    private static Object patternExtra(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextBoolean();
            case 1 -> LuaValues.string(oneOf(random, REPLACEMENTS));
            default -> LuaValues.any(random);
        };
    }

    /** Up to eight pieces, each after one of {@code glue}. */
    private static LuaString pieces(Random random, Function<Random, String> piece, List<String> glue) {
        return LuaValues.string(String.join("",
                SeededTries.listOf(random, 0, 8, r -> oneOf(r, glue) + piece.apply(r))));
    }
}
