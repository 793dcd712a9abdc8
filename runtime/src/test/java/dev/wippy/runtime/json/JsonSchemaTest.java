package dev.wippy.runtime.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code json.validate} and {@code json.validate_string} (spec 03 §3.8.3): JSON Schema draft 2020-12. */
class JsonSchemaTest {
    private static final String USER = """
            { type = 'object',
              properties = { name = { type = 'string', minLength = 1 }, age = { type = 'integer', minimum = 0 } },
              required = { 'name' },
              additionalProperties = false }""";

    private final JsonLua lua = new JsonLua();

    private Object[] run(String chunk) {
        return lua.run("local USER = " + USER + "\n" + chunk);
    }

    /** Asserts that {@code call} returns {@code false} and an INVALID, non-retryable error; gives its message. */
    private String rejection(String call) {
        Object[] r = run("local ok, err = " + call + "\n"
                + "return ok, err:kind(), err:retryable(), err:message()");
        assertThat(r[0]).as("first result of " + call).isEqualTo(Boolean.FALSE);
        assertThat(r[1].toString()).isEqualTo("Invalid");
        assertThat(r[2]).isEqualTo(Boolean.FALSE);
        return r[3].toString();
    }

    @Test
    void aConformingValueGivesTrue() {
        assertThat(run("return json.validate(USER, { name = 'Ann', age = 30 })")).containsExactly(Boolean.TRUE);
        assertThat(run("return json.validate_string(USER, '{\"name\":\"Ann\"}')")).containsExactly(Boolean.TRUE);
    }

    @Test
    void theSchemaMayBeJsonText() {
        assertThat(lua.run("return json.validate('{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}', { 1, 2 })"))
                .containsExactly(Boolean.TRUE);
        assertThat(rejection("json.validate('{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}', { 1, 'x' })"))
                .contains("$[1]");
    }

    @Test
    void theMessageListsEveryViolationWithItsLocation() {
        String message = rejection("json.validate(USER, { age = -1, extra = true })");
        assertThat(message).contains("name").contains("$.age").contains("extra");
        assertThat(message.split("; ")).hasSize(3);
    }

    @Test
    void integersAndFloatsAreToldApart() {
        assertThat(run("return json.validate(USER, { name = 'a', age = 3.0 })")).containsExactly(Boolean.TRUE);
        assertThat(rejection("json.validate(USER, { name = 'a', age = 3.5 })")).contains("$.age");
    }

    @ParameterizedTest(name = "{0}: {1} ok, {2} rejected")
    @CsvSource(delimiter = '|', textBlock = """
            email     | ann@example.com                        | not an email
            date-time | 2024-02-29T12:30:00Z                   | 2024-02-30 noon
            uri       | https://example.com/a?b=c              | no scheme here
            uuid      | f81d4fae-7dec-11d0-a765-00a0c91e6bf6   | f81d4fae-7dec
            date      | 2024-02-29                             | 2023-02-29
            ipv4      | 192.168.0.1                            | 300.1.1.1
            """)
    void formatsAreAsserted(String format, String good, String bad) {
        String schema = "{ type = 'string', format = '" + format + "' }";
        assertThat(lua.run("return json.validate(" + schema + ", '" + good + "')")).containsExactly(Boolean.TRUE);
        assertThat(rejection("json.validate(" + schema + ", '" + bad + "')")).contains(format);
    }

    @Test
    void emptyTablesInASchemaAreSchemasOrMapsExceptUnderArrayKeywords() {
        assertThat(lua.run("return json.validate({}, { anything = { 1, 2 } })")).containsExactly(Boolean.TRUE);
        assertThat(lua.run("return json.validate({ type = 'object', properties = {}, required = {} }, { a = 1 })"))
                .containsExactly(Boolean.TRUE);
        assertThat(lua.run("return json.validate({ type = 'array', items = {} }, { 1, 'two', {} })"))
                .containsExactly(Boolean.TRUE);
    }

    @Test
    void referencesWithinTheSchemaResolve() {
        String schema = "{ ['$defs'] = { pos = { type = 'integer', minimum = 1 } }, type = 'array', "
                + "items = { ['$ref'] = '#/$defs/pos' } }";
        assertThat(lua.run("return json.validate(" + schema + ", { 1, 2 })")).containsExactly(Boolean.TRUE);
        assertThat(rejection("json.validate(" + schema + ", { 1, 0 })")).contains("$[1]");
    }

    @Test
    void validateStringChecksTextWithoutDecodingItIntoLua() {
        assertThat(lua.run("return json.validate_string('{\"type\":\"integer\"}', '12345678901234567890')"))
                .containsExactly(Boolean.TRUE);
        assertThat(lua.run("return json.validate_string('{\"type\":\"null\"}', 'null')"))
                .containsExactly(Boolean.TRUE);
        assertThat(rejection("json.validate_string('{\"type\":\"object\"}', '[]')")).contains("array");
    }

    @Test
    void aMissingSchemaOrValueIsReportedFirst() {
        assertThat(rejection("json.validate()")).isEqualTo("schema is required");
        assertThat(rejection("json.validate(nil, 5)")).isEqualTo("schema is required");
        assertThat(rejection("json.validate({ type = 'integer' })")).isEqualTo("data is required");
        assertThat(rejection("json.validate({ type = 'integer' }, nil)")).isEqualTo("data is required");
        assertThat(rejection("json.validate_string('{}')")).isEqualTo("data is required");
        assertThat(rejection("json.validate_string(nil, nil)")).isEqualTo("schema is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "print or function() end"})
    void aSchemaThatIsNeitherTableNorStringIsInvalid(String schema) {
        assertThat(rejection("json.validate(" + schema + ", 1)")).contains("schema must be a table or a JSON string");
    }

    @Test
    void dataTextThatIsNotAStringIsInvalid() {
        assertThat(rejection("json.validate_string('{}', { 1 })")).contains("data must be a JSON string");
        assertThat(rejection("json.validate_string('{}', 42)")).contains("data must be a JSON string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"type\":\"integer\"} x", "[1,]"})
    void schemaTextThatIsNotJsonIsInvalid(String schema) {
        assertThat(rejection("json.validate([==[" + schema + "]==], 1)")).startsWith("invalid JSON schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ type = 'strin' }", "{ minimum = 'zero' }", "{ required = 'name' }",
        "{ pattern = '([a-z' }", "{ properties = { a = 5 } }"})
    void schemasThatDoNotCompileAreInvalid(String schema) {
        assertThat(rejection("json.validate(" + schema + ", 1)")).startsWith("invalid JSON schema");
    }

    @Test
    void schemasCannotMakeTheRuntimeFetchDocuments() {
        assertThat(rejection("json.validate({ ['$ref'] = 'https://example.com/schema.json' }, 1)"))
                .startsWith("invalid JSON schema");
        assertThat(rejection("json.validate({ ['$ref'] = 'file:///etc/passwd' }, 1)"))
                .startsWith("invalid JSON schema");
    }

    @Test
    void dataTextThatIsNotJsonIsInvalid() {
        assertThat(rejection("json.validate_string('{}', '{\"a\":')")).startsWith("invalid JSON data");
        assertThat(rejection("json.validate_string('{}', '')")).startsWith("invalid JSON data");
        assertThat(rejection("json.validate_string('{}', '1 2')")).startsWith("invalid JSON data");
    }

    @Test
    void aValueThatCannotBeEncodedIsInvalid() {
        assertThat(rejection("json.validate({}, { 1, 2, x = 3 })")).contains("mixed table");
    }

    @Test
    void theSameSchemaValidatesManyTimesAndExtraArgumentsAreIgnored() {
        assertThat(run("""
                for i = 1, 200 do
                  if not json.validate(USER, { name = 'n' .. i, age = i }, 'ignored') then return i end
                end
                return true""")).containsExactly(Boolean.TRUE);
    }
}
