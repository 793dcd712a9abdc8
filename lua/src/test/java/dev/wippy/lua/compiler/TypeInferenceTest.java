package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Chunk;
import dev.wippy.lua.syntax.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Locals get unboxed types wherever their function is written: every form of function is analysed. */
class TypeInferenceTest {
    private static final String BODY = "(n) local sum = 0; local half = 0.5; for i = 1, n do sum = sum + i end;"
            + " return sum * half end";

    @ParameterizedTest
    @ValueSource(strings = {
        "local function f" + BODY,
        "local f = function" + BODY,
        "f = function" + BODY,
        "local t = {f = function" + BODY + "}",
        "local t = {[1] = function" + BODY + "}",
        "local t = {}; t.f = function" + BODY,
        "local t = {}; t[function" + BODY + "] = true",
        "print(function" + BODY + ")",
        "return function" + BODY,
        "local a, b = 1, function" + BODY,
        "local x = (function" + BODY + ")"})
    void localsOfAFunctionAreTypedWhateverFormItIsWrittenIn(String source) {
        Resolution res = analysed(source);
        assertThat(local(res.main, "sum").type).isEqualTo(StaticType.INT);
        assertThat(local(res.main, "half").type).isEqualTo(StaticType.FLOAT);
        assertThat(local(res.main, "i").type).isEqualTo(StaticType.INT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "local f = function(n) local sum = 0; sum = sum .. n end",
        "local f = function(n) local sum = 0; sum = n end"})
    void aLocalThatMayHoldAnythingStaysUntyped(String source) {
        assertThat(local(analysed(source).main, "sum").type).isEqualTo(StaticType.ANY);
    }

    @Test
    void aChunkThatNamesDebugKeepsItsLocalsInCellsAndOthersStayUnboxed() {
        String body = "local function f" + BODY;
        LocalVar plain = local(analysed(body).main, "sum");
        assertThat(plain.type).isEqualTo(StaticType.INT);
        assertThat(plain.needsCell()).isFalse();
        LocalVar inspected = local(analysed(body + "; local d = debug").main, "sum");
        assertThat(inspected.type).isEqualTo(StaticType.ANY);
        assertThat(inspected.needsCell()).isTrue();
    }

    @Test
    void aChunkThatOnlyNamesDebugTracebackStaysUnboxed() {
        String body = "local function f" + BODY + "; return xpcall(f, debug.traceback)";
        LocalVar sum = local(analysed(body).main, "sum");
        assertThat(sum.type).isEqualTo(StaticType.INT);
        assertThat(sum.needsCell()).isFalse();
        LocalVar inspected = local(analysed(body + ", debug.getlocal").main, "sum");
        assertThat(inspected.needsCell()).isTrue();
    }

    private static Resolution analysed(String source) {
        Chunk chunk = Parser.parse(source.getBytes(StandardCharsets.UTF_8), "test");
        Resolution res = Resolver.resolve(chunk);
        TypeInference.run(res, chunk.body());
        return res;
    }

    /** The local named {@code name} in {@code fs} or a function nested in it. */
    private static LocalVar local(FunctionScope fs, String name) {
        for (LocalVar v : fs.locals) {
            if (v.name.equals(name)) {
                return v;
            }
        }
        for (FunctionScope child : fs.children) {
            LocalVar v = local(child, name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
