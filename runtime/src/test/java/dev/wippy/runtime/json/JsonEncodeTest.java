package dev.wippy.runtime.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code json.encode} (spec 03 §3.8.1): how each Lua value is written, and which values are refused. */
class JsonEncodeTest {
    private final JsonLua lua = new JsonLua();

    private String encode(String luaValue) {
        return lua.text("json.encode(" + luaValue + ")");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            nil                 | null
            true                | true
            false               | false
            42                  | 42
            -7                  | -7
            math.maxinteger     | 9223372036854775807
            math.mininteger     | -9223372036854775808
            """)
    void scalars(String value, String json) {
        assertThat(encode(value)).isEqualTo(json);
    }

    @Test
    void noArgumentIsNull() {
        assertThat(lua.text("json.encode()")).isEqualTo("null");
    }

    @Test
    void extraArgumentsAreIgnoredBecauseThereAreNoOptions() {
        assertThat(lua.text("json.encode({ a = 1 }, { pretty = true }, 'indent')")).isEqualTo("{\"a\":1}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            2.0             | 2
            -3.0            | -3
            -0.0            | 0
            1e15            | 1000000000000000
            2^62            | 4611686018427387904
            3.14            | 3.14
            0.1             | 0.1
            -2.5            | -2.5
            0.1 + 0.2       | 0.30000000000000004
            1/3             | 0.3333333333333333
            0.000001        | 0.000001
            0.0000015       | 0.0000015
            1e-7            | 1e-7
            -1.5e-7         | -1.5e-7
            5e-324          | 5e-324
            2^63            | 9223372036854776000
            1e20            | 100000000000000000000
            1e21            | 1e+21
            1.7976931348623157e308 | 1.7976931348623157e+308
            """)
    void floatsUseTheShortestRoundTrippingDecimal(String value, String json) {
        assertThat(encode(value)).isEqualTo(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/0", "math.huge", "-math.huge"})
    void nanAndInfinitiesAreNull(String value) {
        assertThat(encode(value)).isEqualTo("null");
        assertThat(encode("{ " + value + " }")).isEqualTo("[null]");
    }

    @Test
    void floatsReadBackAsTheSameNumber() {
        assertThat(lua.run("""
                for _, x in ipairs({ 0.1, 1/3, 1e-300, 123456.789, 2^-40, 6.02214076e23, -1e-7 }) do
                  local back = json.decode(json.encode(x))
                  if back ~= x then return x end
                end
                return true""")).containsExactly(Boolean.TRUE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            'plain'                     | `"plain"`
            ''                          | `""`
            'say "hi"'                  | `"say \\"hi\\""`
            'back\\\\slash'             | `"back\\\\slash"`
            'a\\nb\\rc\\td'             | `"a\\nb\\rc\\td"`
            '\\b\\f'                    | `"\\b\\f"`
            '\\0\\1\\31'                | `"\\u0000\\u0001\\u001f"`
            '\\127 / '                  | `"\u007f / "`
            '</script>&amp;'            | `"</script>&amp;"`
            'h\\u{E9}llo \\u{1F600}'    | `"h\u00e9llo \ud83d\ude00"`
            """)
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters(String value, String json) {
        assertThat(encode(value)).isEqualTo(json);
    }

    @Test
    void bytesThatAreNotUtf8BecomeTheReplacementCharacter() {
        assertThat(encode("'a\\xffb\\xc3'")).isEqualTo("\"a\uFFFDb\uFFFD\"");
        assertThat(lua.eval("json.encode('\\xff') == '\"\\u{FFFD}\"'")).isEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {}                            | []
            { 1, 2, 3 }                   | [1,2,3]
            { 'a', { true, false }, {} }  | ["a",[true,false],[]]
            { [1] = 'x', [2] = 'y' }      | ["x","y"]
            { 1, nil }                    | [1]
            """)
    void sequencesAreArrays(String value, String json) {
        assertThat(encode(value)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            { a = 1 }                     | {"a":1}
            { a = { b = { c = 'd' } } }   | {"a":{"b":{"c":"d"}}}
            { [0] = 'zero' }              | {"0":"zero"}
            { [-1] = 'minus' }            | {"-1":"minus"}
            { [1.5] = 'half' }            | {"1.5":"half"}
            { [true] = 'yes' }            | {"true":"yes"}
            { [false] = 'no' }            | {"false":"no"}
            { ['1'] = 'string key' }      | {"1":"string key"}
            { a = { } }                   | {"a":[]}
            """)
    void tablesWithoutPositiveIntegerKeysAreObjects(String value, String json) {
        assertThat(encode(value)).isEqualTo(json);
    }

    @Test
    void keysOfOtherTypesAreSkipped() {
        assertThat(encode("{ [print or function() end] = 1, [{}] = 2, k = 3 }")).isEqualTo("{\"k\":3}");
    }

    @Test
    void memberOrderIsInsertionOrderHereThoughTheSpecLeavesItOpen() {
        assertThat(lua.eval("json.decode(json.encode({ ok = true, items = {} })).ok")).isEqualTo(Boolean.TRUE);
        assertThat(lua.text("""
                (function() local t = {}; t.z = 1; t.a = 2; t.m = 3; return json.encode(t) end)()"""))
                .isEqualTo("{\"z\":1,\"a\":2,\"m\":3}");
    }

    @Test
    void anEmptyTableIsAnObjectOnceItsHashPartHeldAKey() {
        assertThat(lua.text("(function() local t = {}; t.gone = 1; t.gone = nil; return json.encode(t) end)()"))
                .isEqualTo("{}");
        assertThat(lua.text("(function() local t = {}; t[1] = 1; t[1] = nil; return json.encode(t) end)()"))
                .isEqualTo("[]");
    }

    @Test
    void anEmptyTableDecodedFromAnObjectStaysAnObject() {
        assertThat(lua.text("json.encode(json.decode('{}'))")).isEqualTo("{}");
        assertThat(lua.text("json.encode(json.decode('{\"a\":null}'))")).isEqualTo("{}");
        assertThat(lua.text("json.encode(json.decode('[]'))")).isEqualTo("[]");
        assertThat(lua.text("json.encode(json.decode('{\"list\":[],\"map\":{}}'))"))
                .isEqualTo("{\"list\":[],\"map\":{}}");
        assertThat(lua.text("""
                (function() local t = json.decode('{"a":1}'); t.a = nil; return json.encode(t) end)()"""))
                .isEqualTo("{}");
    }

    @Test
    void errorObjectsAreTheirMessage() {
        assertThat(encode("errors.new('disk full')")).isEqualTo("\"disk full\"");
        assertThat(encode("{ err = errors.new({ message = 'bad', kind = errors.INVALID }) }"))
                .isEqualTo("{\"err\":\"bad\"}");
    }

    @Test
    void functionsCoroutinesAndUserdataAreNull() {
        assertThat(encode("{ f = function() end, co = coroutine.create(function() end) }"))
                .isEqualTo("{\"f\":null,\"co\":null}");
        assertThat(encode("{ 1, function() end, 3 }")).isEqualTo("[1,null,3]");
        assertThat(encode("json.encode")).isEqualTo("null");
    }

    @Test
    void metatablesAreIgnored() {
        assertThat(encode("setmetatable({ 1 }, { __index = function() return 'x' end, __len = function() "
                + "return 5 end })")).isEqualTo("[1]");
    }

    @Test
    void aTableSharedByTwoBranchesIsWrittenTwice() {
        assertThat(lua.text("(function() local s = { 1 }; return json.encode({ s, s }) end)()"))
                .isEqualTo("[[1],[1]]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            { 1, 2, x = 3 }         | mixed table
            { 1, [0] = 0 }          | mixed table
            { 1, [1.5] = 0 }        | mixed table
            { 1, nil, 3 }           | sparse array
            { [2] = 'b' }           | sparse array
            { [1] = 1, [1000] = 2 } | sparse array
            { a = { 1, b = 2 } }    | mixed table
            """)
    void mixedTablesAndSparseArraysAreInternalErrors(String value, String problem) {
        JsonLua.Failure f = lua.failure("json.encode(" + value + ")");
        assertThat(f.valueIsNil()).isTrue();
        assertThat(f.kind()).isEqualTo("Internal");
        assertThat(f.retryable()).isFalse();
        assertThat(f.message()).contains(problem);
    }

    @Test
    void aTableThatContainsItselfIsAnInternalError() {
        JsonLua.Failure direct = lua.failure("(function() local t = {}; t.self = t; return json.encode(t) end)()");
        assertThat(direct.kind()).isEqualTo("Internal");
        assertThat(direct.retryable()).isFalse();
        assertThat(direct.message()).contains("contains itself");
        JsonLua.Failure indirect = lua.failure(
                "(function() local a = {}; local b = { a }; a.b = b; return json.encode({ a }) end)()");
        assertThat(indirect.message()).contains("contains itself");
    }

    @Test
    void nestingIsLimitedTo128Levels() {
        String nest = "(function(n) local t = {} for _ = 2, n do t = { t } end return t end)";
        assertThat(lua.text("json.encode(" + nest + "(128))")).startsWith("[[[").hasSize(256);
        JsonLua.Failure f = lua.failure("json.encode(" + nest + "(129))");
        assertThat(f.kind()).isEqualTo("Internal");
        assertThat(f.retryable()).isFalse();
        assertThat(f.message()).contains("128");
    }
}
