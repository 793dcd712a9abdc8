package dev.wippy.lua.fuzz;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

/**
 * Scripts of the conformance corpus with a few random edits (deleted, repeated or replaced spans, inserted Lua
 * tokens and odd bytes) compile and run to a normal end, a syntax error, a Lua error or an interruption by the
 * budget hook: never a Java exception, never a hang.
 */
class MutatedCorpusFuzzTest {
    private static final List<CorpusScript> CORPUS = CorpusScript.all();

    /** Pieces of Lua that break structure, reach limits or hit corners of the compiler and the libraries. */
    private static final List<String> TOKENS = List.of(
            "end", "do", "then", "else", "elseif", "local", "function", "return", "break", "goto l", "::l::",
            "repeat", "until", "while", "for", "in", "(", ")", "{", "}", "[", "]", "[[", "]]", "[==[", "--", "--[[",
            "=", "==", "~=", "<=", "..", "...", "#", "-", "//", "%", "^", "<<", ">>", "&", "|", "~", "not", "and",
            "or", "nil", "true", "false", "0", "-1", "1e308", "0x7fffffffffffffff", "0x8000000000000000",
            "math.mininteger", "-0.0", "0/0", "1//0", "2^63", "'\\z  '", "\"\\u{7FFFFFFF}\"", "'\\xff'", "'\\400'",
            "<const>", "<close>", ":", ";", ",", ".", "self", "_ENV", "coroutine.yield()", "coroutine.wrap(",
            "error()", "error(setmetatable({}, {__tostring = error}))", "pcall(", "select('#', ...)",
            "setmetatable({}, {__index = function(t, k) return t[k] end})", "string.rep('x', 1e6)",
            "table.unpack({}, 1, 1e7)", "load(", "string.dump(print)", "debug.sethook(print, 'l')",
            "collectgarbage('count')", "\n", "\u0000", "\u00ff", "'", "\"", "\\").stream().map(t -> " " + t + " ")
            .toList();

    record MutatedScript(CorpusScript script, List<ByteMutation> mutations) {
        static MutatedScript draw(Random random) {
            return new MutatedScript(SeededTries.oneOf(random, CORPUS), ByteMutation.list(random, TOKENS, 40));
        }
    }

    @Test
    void aMutatedScriptEndsInAResultOrALuaErrorWithinASecond() {
        SeededTries.check(1504, 200, MutatedScript::draw, input -> BoundedRun.run(input.script().name(),
                ByteMutation.applyAll(input.script().source(), input.mutations())));
    }
}
