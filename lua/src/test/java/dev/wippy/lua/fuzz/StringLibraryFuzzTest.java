package dev.wippy.lua.fuzz;

import dev.wippy.lua.Lua;
import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.vm.LuaString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    @Property(tries = 500, seed = "1505")
    void stringFormatReturnsOrRaisesALuaError(@ForAll("formats") LuaString format,
                                              @ForAll("arguments") List<Object> arguments) {
        Statistics.collect(BoundedRun.run(FORMAT, prepend(format, arguments)));
    }

    @Property(tries = 800, seed = "1506")
    void stringPackReturnsOrRaisesALuaError(@ForAll("packFormats") LuaString format,
                                            @ForAll("arguments") List<Object> arguments) {
        Statistics.collect(BoundedRun.run(PACK, prepend(format, arguments)));
    }

    @Property(tries = 600, seed = "1507")
    void stringUnpackAndPacksizeReturnOrRaiseALuaError(@ForAll("packFormats") LuaString format,
                                                        @ForAll("binary") LuaString data,
                                                        @ForAll("positions") Object position) {
        Statistics.collect(BoundedRun.run(UNPACK, format, data, position));
        BoundedRun.run(PACKSIZE, format);
    }

    @Property(tries = 1000, seed = "1508")
    void patternFunctionsReturnOrRaiseALuaError(@ForAll("patternFunctions") String function,
                                                @ForAll("subjects") LuaString subject,
                                                @ForAll("patterns") LuaString pattern,
                                                @ForAll("positions") Object a, @ForAll("patternExtras") Object b) {
        Statistics.collect(function, BoundedRun.run(PATTERN, LuaString.of(function), subject, pattern,
                a, b));
    }

    @Provide
    Arbitrary<List<Object>> arguments() {
        return LuaValues.any().list().ofMaxSize(6);
    }

    /** Text with conversion specifications: flags, width and precision of any length, known and unknown letters. */
    @Provide
    Arbitrary<LuaString> formats() {
        Arbitrary<String> spec = Arbitraries.strings().withChars("-+ #0").ofMaxLength(6)
                .flatMap(flags -> Arbitraries.strings().numeric().ofMaxLength(3)
                        .flatMap(width -> Arbitraries.of("", ".", ".0", ".1", ".20", ".99", ".100", ".x")
                                .flatMap(precision -> Arbitraries.of("cdiouxXaAeEfFgGqsp%zbnlh*$I".split(""))
                                        .map(conversion -> "%" + flags + width + precision + conversion))));
        return pieces(spec, Arbitraries.of("", "x", "%%", "%", "\u0000", "\u00ff"));
    }

    /**
     * Sequences of pack options, their sizes and alignments, with some that are not options at all. A size beyond
     * the largest string is there; sizes just under it are not: the gigabyte strings they ask for are real work, not
     * a hang, and would crowd the test JVM's heap.
     */
    @Provide
    Arbitrary<LuaString> packFormats() {
        return pieces(Arbitraries.of("<", ">", "=", "!", "!1", "!3", "!4", "!8", "!16", "!17", "b", "B", "h", "H",
                "l", "L", "j", "J", "T", "i", "i1", "i3", "i8", "i9", "i16", "i17", "i0", "I", "I2", "I5", "I16",
                "f", "d", "n", "s", "s1", "s2", "s4", "s9", "z", "x", "X", "Xi4", "Xd", "Xz", "X8", "c", "c0",
                "c3", "c99999", "c2147483639", " ", "w", "%", "i2147483648"), Arbitraries.just(""));
    }

    @Provide
    Arbitrary<LuaString> binary() {
        return LuaValues.strings(Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40));
    }

    /** Start positions and counts: absent, small, negative, beyond the subject, extreme; or not a number. */
    @Provide
    Arbitrary<Object> positions() {
        return Arbitraries.frequencyOf(Tuple.of(5, LuaValues.integers().map(Object.class::cast)),
                Tuple.of(1, LuaValues.any())).injectNull(0.3);
    }

    @Provide
    Arbitrary<String> patternFunctions() {
        return Arbitraries.of("find", "match", "gmatch", "gsub");
    }

    /** Subjects from the characters patterns talk about, and long runs of one character for backtracking. */
    @Provide
    Arbitrary<LuaString> subjects() {
        return Arbitraries.oneOf(
                LuaValues.strings(Arbitraries.strings().withChars("aab1 ()[]%.-\n\u0000\u00ff").ofMaxLength(60)),
                LuaValues.strings(Arbitraries.of("a", "ab", "()").flatMap(s -> Arbitraries.integers()
                        .between(0, 3000).map(s::repeat))));
    }

    /** Patterns from every construct (classes, sets, quantifiers, anchors, captures, %b, %f, back-references). */
    @Provide
    Arbitrary<LuaString> patterns() {
        return pieces(Arbitraries.of("a", "b", "1", " ", ".", "%a", "%d", "%s", "%w", "%x", "%p", "%c", "%u", "%l",
                "%g", "%A", "%D", "%S", "%W", "%%", "%.", "%z", "%q", "[a-c]", "[^ab]", "[%a_]", "[]", "[^]", "[a-]",
                "[%]", "[]]", "[", "]", "*", "+", "-", "?", "a-", "a*", ".-", "^", "$", "(", ")", "()", "%b()",
                "%b", "%bx", "%f[%w]", "%f[", "%f", "%1", "%2", "%0", "%9", "%", "\u0000"), Arbitraries.just(""));
    }

    /** The fourth argument: find's plain flag, or gsub's replacement (strings with escapes, a table, functions). */
    @Provide
    Arbitrary<Object> patternExtras() {
        return Arbitraries.oneOf(Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast),
                LuaValues.strings(Arbitraries.of("x", "%0", "%1", "%2", "%9", "%%", "%x", "x%", "<%0|%1>", "fn",
                        "fnfalse", "fntable", "tbl")).map(Object.class::cast),
                LuaValues.any());
    }

    /** Up to eight of {@code pieces}, each after one of {@code glue}. */
    private static Arbitrary<LuaString> pieces(Arbitrary<String> pieces, Arbitrary<String> glue) {
        return Combinators.combine(glue, pieces).as(String::concat).list().ofMaxSize(8)
                .map(list -> LuaString.wrap(String.join("", list).getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static Object[] prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }
}
