package dev.wippy.runtime.json;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code json.decode} (spec 03 §3.8.2): the Lua values JSON text becomes, and the errors for bad input. */
class JsonDecodeTest {
    private final JsonLua lua = new JsonLua();

    /** {@code json.decode} of {@code text} given as a Lua long string, so no escaping is needed. */
    private Object decode(String text) {
        return lua.eval("json.decode([==[" + text + "]==])");
    }

    @Test
    void theSpecExample() {
        Object[] r = lua.run("""
                local doc = json.decode('{"id":7,"tags":["a","b"],"note":null}')
                return math.type(doc.id), doc.id, #doc.tags, doc.tags[2], doc.note, rawget(doc, 'note')""");
        assertThat(r).containsExactly(LuaString.of("integer"), 7L, 2L, LuaString.of("b"), null, null);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            7                     | integer | 7
            -7                    | integer | -7
            -0                    | integer | 0
            9223372036854775807   | integer | 9223372036854775807
            -9223372036854775808  | integer | -9223372036854775808
            9223372036854775808   | float   | 9.2233720368548e+18
            7.0                   | float   | 7.0
            7.25                  | float   | 7.25
            1e2                   | float   | 100.0
            1E2                   | float   | 100.0
            -2.5e-3               | float   | -0.0025
            1e400                 | float   | inf
            """)
    void numbersWithoutFractionOrExponentAreIntegers(String json, String type, String value) {
        Object[] r = lua.run("local n = json.decode('" + json + "') return math.type(n), tostring(n)");
        assertThat(r).containsExactly(LuaString.of(type), LuaString.of(value));
    }

    @Test
    void literals() {
        assertThat(decode("true")).isEqualTo(Boolean.TRUE);
        assertThat(decode("false")).isEqualTo(Boolean.FALSE);
        assertThat(lua.run("return select('#', json.decode('null')), json.decode('null')"))
                .containsExactly(1L, null);
        assertThat(decode(" \t\r\n 5 \n")).isEqualTo(5L);
    }

    @Test
    void arraysAreSequencesAndNullLeavesAHole() {
        Object[] r = lua.run("local t = json.decode('[1,null,3]') return t[1], t[2], t[3], #t");
        assertThat(r).containsExactly(1L, null, 3L, 3L);
        assertThat(lua.eval("#json.decode('[]')")).isEqualTo(0L);
        assertThat(lua.eval("json.decode('[[1,[2]],{}]')[1][2][1]")).isEqualTo(2L);
    }

    @Test
    void objectsHaveStringKeysAndNullMembersAreAbsent() {
        Object[] r = lua.run("""
                local t = json.decode('{"a":1,"1":"one","n":null}')
                local keys = 0
                for _ in pairs(t) do keys = keys + 1 end
                return t.a, t['1'], t[1], keys""");
        assertThat(r).containsExactly(1L, LuaString.of("one"), null, 2L);
    }

    @Test
    void theLastOfDuplicateNamesWins() {
        assertThat(decode("{\"a\":1,\"a\":2}")).isNotNull();
        assertThat(lua.eval("json.decode('{\"a\":1,\"a\":2}').a")).isEqualTo(2L);
        assertThat(lua.eval("json.decode('{\"a\":1,\"a\":null}').a")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"plain"`                | plain
            `"q\\"b\\\\s\\/"`        | q"b\\s/
            `"\\u00e9\\u20AC"`       | é€
            `"\\ud83d\\ude00"`       | 😀
            `"\\ud800 lone"`         | � lone
            `"\\udc00"`              | �
            `"h\u00e9llo"`           | héllo
            """)
    void stringsUnescapeToUtf8(String json, String text) {
        assertThat(decode(json)).isEqualTo(LuaString.of(text));
    }

    @Test
    void controlCharacterEscapes() {
        assertThat(decode("\"\\n\\r\\t\\b\\f\\u0000\"")).isEqualTo(LuaString.of("\n\r\t\b\f\0"));
    }

    @Test
    void bytesThatAreNotUtf8BecomeTheReplacementCharacter() {
        assertThat(lua.eval("json.decode('\"a\\xffb\"') == 'a\\u{FFFD}b'")).isEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "{}", "nil", "print"})
    void anArgumentThatIsNotAStringIsInvalid(String value) {
        JsonLua.Failure f = lua.failure("json.decode(" + value + ")");
        assertThat(f.valueIsNil()).isTrue();
        assertThat(f.kind()).isEqualTo("Invalid");
        assertThat(f.message()).isEqualTo("string expected");
        assertThat(f.retryable()).isFalse();
    }

    @Test
    void noArgumentIsInvalid() {
        assertThat(lua.failure("json.decode()").kind()).isEqualTo("Invalid");
    }

    @Test
    void theEmptyStringIsInvalid() {
        JsonLua.Failure f = lua.failure("json.decode('')");
        assertThat(f.kind()).isEqualTo("Invalid");
        assertThat(f.retryable()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `   `               | end of JSON input
            `{`                 | end of JSON input
            `[1,2`              | end of JSON input
            `"open`             | end of JSON input
            `[1,]`              | line 1, column 4
            `{"a":1,}`          | line 1
            `{'a':1}`           | line 1, column 2
            `{a:1}`             | line 1, column 2
            `[1 2]`             | line 1
            `01`                | line 1
            `+1`                | line 1
            `.5`                | line 1
            `NaN`               | line 1
            `Infinity`          | line 1
            `tru`               | line 1
            `[1] // comment`    | line 1
            `"tab\there"`       | line 1
            `[1]x`              | Unrecognized token 'x'
            `[1] [2]`           | after the JSON value
            `1 2`               | after the JSON value
            `{}}`               | line 1, column 3
            """)
    void malformedTextIsAnInternalErrorSayingWhatAndWhere(String json, String detail) {
        JsonLua.Failure f = lua.failure("json.decode([==[" + json + "]==])");
        assertThat(f.valueIsNil()).isTrue();
        assertThat(f.kind()).isEqualTo("Internal");
        assertThat(f.retryable()).isFalse();
        assertThat(f.message()).contains(detail).doesNotContain("Source").doesNotContainIgnoringCase("feature");
    }

    @Test
    void nestingIsLimitedTo128Levels() {
        assertThat(lua.eval("json.decode(string.rep('[', 128) .. string.rep(']', 128)) ~= nil"))
                .isEqualTo(Boolean.TRUE);
        JsonLua.Failure arrays = lua.failure("json.decode(string.rep('[', 129) .. string.rep(']', 129))");
        assertThat(arrays.kind()).isEqualTo("Internal");
        assertThat(arrays.message()).contains("128");
        JsonLua.Failure objects = lua.failure("json.decode(string.rep('{\"a\":', 129) .. '1' .. string.rep('}', 129))");
        assertThat(objects.kind()).isEqualTo("Internal");
        assertThat(lua.failure("json.decode(string.rep('[', 100000))").kind()).isEqualTo("Internal");
    }

    @Test
    void extraArgumentsAreIgnored() {
        assertThat(lua.eval("json.decode('[1]', { strict = false }).n")).isNull();
        assertThat(lua.eval("json.decode('5', true)")).isEqualTo(5L);
    }

    @Test
    void theModuleTableIsReadOnly() {
        assertThatThrownBy(() -> lua.run("json.encode = nil")).isInstanceOf(LuaError.class);
        assertThatThrownBy(() -> lua.run("json.extra = 1")).isInstanceOf(LuaError.class);
        assertThat(JsonModule.PROVIDER.load(lua.state)).isSameAs(JsonModule.PROVIDER.load(new JsonLua().state));
    }
}
