package dev.wippy.runtime.uuid;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validating, inspecting and formatting UUID strings (spec 03 §3.9). */
class UuidInspectTest {
    /** RFC 9562 appendix A test vectors. */
    private static final String V1 = "c232ab00-9414-11ec-b3c8-9f6bdeced846";
    private static final String V7 = "017f22e2-79b0-7cc3-98c4-dc0c0c07398f";
    private static final long VECTOR_SECONDS = 1645557742L;

    private final UuidLua lua = new UuidLua();

    @ParameterizedTest
    @ValueSource(strings = {
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6",
        "f81d4fae7dec11d0a76500a0c91e6bf6",
        "{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}",
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "URN:UUID:F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff"})
    void acceptedForms(String text) {
        assertThat(lua.eval("uuid.validate('" + text + "')")).isEqualTo(Boolean.TRUE);
        assertThat(lua.text("uuid.format('" + text + "')")).matches("[0-9a-f-]{36}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf66",
        "f81d4fae7-dec-11d0-a765-00a0c91e6bf6",
        "f81d4fae_7dec_11d0_a765_00a0c91e6bf6",
        "g81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "1-2-3-4-5",
        "f81d4fae7dec11d0a76500a0c91e6bf",
        "{f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "(f81d4fae-7dec-11d0-a765-00a0c91e6bf6)",
        "{f81d4fae7dec11d0a76500a0c91e6bf6}",
        "urn:uuid:f81d4fae7dec11d0a76500a0c91e6bf6",
        "uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        " f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6 ",
        "f81d4fae-7dec-11d0-a765-００a0c91e6bf6"})
    void rejectedForms(String text) {
        assertThat(lua.eval("uuid.validate('" + text + "')")).isEqualTo(Boolean.FALSE);
        assertThat(lua.failure("uuid.version('" + text + "')").message()).isEqualTo("invalid UUID format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nil", "42", "true", "{}", "uuid.v4"})
    void validateAnswersFalseForNonStringsAndNeverFails(String value) {
        assertThat(lua.run("return uuid.validate(" + value + ")")).containsExactly(Boolean.FALSE);
    }

    @Test
    void validateWithoutArgumentsIsFalse() {
        assertThat(lua.eval("uuid.validate()")).isEqualTo(Boolean.FALSE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            00000000-0000-0000-0000-000000000000 | 0
            c232ab00-9414-11ec-b3c8-9f6bdeced846 | 1
            5df41881-3aed-3515-88a7-2f4a814cf09e | 3
            919108f7-52d1-4320-9bac-f847db4148a8 | 4
            2ed6657d-e927-568b-95e1-2665a8aea6a2 | 5
            017f22e2-79b0-7cc3-98c4-dc0c0c07398f | 7
            ffffffff-ffff-ffff-ffff-ffffffffffff | 15
            """)
    void versionIsTheNibbleAfterTheSecondHyphen(String id, long version) {
        assertThat(lua.eval("uuid.version('" + id + "')")).isEqualTo(version);
    }

    @ParameterizedTest(name = "byte 8 = {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            00 | Reserved
            7f | Reserved
            80 | RFC4122
            bf | RFC4122
            c0 | Microsoft
            df | Microsoft
            e0 | Future
            ff | Future
            """)
    void variantComesFromTheTopBitsOfByte8(String byte8, String variant) {
        String id = "f81d4fae-7dec-11d0-" + byte8 + "65-00a0c91e6bf6";
        assertThat(lua.text("uuid.variant('" + id + "')")).isEqualTo(variant);
    }

    @Test
    void parsingAVersion1UuidGivesItsTimeAndNode() {
        Object[] r = lua.run("local p = uuid.parse('" + V1 + "') return p.version, p.variant, p.timestamp, p.node");
        assertThat(r).containsExactly(1L, LuaString.of("RFC4122"), VECTOR_SECONDS,
                LuaString.copyOf(new byte[] {(byte) 0x9f, 0x6b, (byte) 0xde, (byte) 0xce, (byte) 0xd8, 0x46}));
    }

    @Test
    void parsingAVersion7UuidGivesItsTimeButNoNode() {
        Object[] r = lua.run("local p = uuid.parse('" + V7 + "') return p.version, p.variant, p.timestamp, p.node");
        assertThat(r).containsExactly(7L, LuaString.of("RFC4122"), VECTOR_SECONDS, null);
    }

    @Test
    void parsingOtherVersionsGivesVersionAndVariantOnly() {
        Object[] r = lua.run("""
                local p = uuid.parse('{919108F7-52D1-4320-9BAC-F847DB4148A8}')
                local keys = 0
                for _ in pairs(p) do keys = keys + 1 end
                return p.version, p.variant, keys""");
        assertThat(r).containsExactly(4L, LuaString.of("RFC4122"), 2L);
    }

    @Test
    void parsingTheTimeOfAGeneratedVersion1RoundTrips() {
        Object[] r = lua.run("local p = uuid.parse(uuid.v1()) return p.version, p.variant, #p.node");
        assertThat(r).containsExactly(1L, LuaString.of("RFC4122"), 6L);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            F81D4FAE7DEC11D0A76500A0C91E6BF6              | `'standard'` | f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            F81D4FAE7DEC11D0A76500A0C91E6BF6              | nil          | f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            F81D4FAE7DEC11D0A76500A0C91E6BF6              | 42           | f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            F81D4FAE7DEC11D0A76500A0C91E6BF6              | {}           | f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            {F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6}        | `'simple'`   | f81d4fae7dec11d0a76500a0c91e6bf6
            urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 | `'urn'`      | urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            f81d4fae-7dec-11d0-a765-00a0c91e6bf6          | `'urn'`      | urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            """)
    void formatWritesLowercaseInTheChosenStyle(String id, String style, String expected) {
        assertThat(lua.text("uuid.format('" + id + "', " + style + ")")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'STANDARD'", "'braces'", "''", "'hex'"})
    void unknownStylesAreInvalid(String style) {
        UuidLua.Failure f = lua.failure("uuid.format('" + V1 + "', " + style + ")");
        assertThat(f.valueIsNil()).isTrue();
        assertThat(f.kind()).isEqualTo("Invalid");
        assertThat(f.message()).isEqualTo("unsupported format");
        assertThat(f.retryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "variant", "parse", "format"})
    void inputThatIsNotAStringIsInvalid(String function) {
        for (String value : new String[] {"", "nil", "42", "{}"}) {
            UuidLua.Failure f = lua.failure("uuid." + function + "(" + value + ")");
            assertThat(f.valueIsNil()).isTrue();
            assertThat(f.kind()).isEqualTo("Invalid");
            assertThat(f.message()).isEqualTo("input must be a string");
            assertThat(f.retryable()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "variant", "parse", "format"})
    void inputThatIsNotAUuidIsInvalid(String function) {
        UuidLua.Failure f = lua.failure("uuid." + function + "('not a uuid')");
        assertThat(f.valueIsNil()).isTrue();
        assertThat(f.kind()).isEqualTo("Invalid");
        assertThat(f.message()).isEqualTo("invalid UUID format");
        assertThat(f.retryable()).isFalse();
    }

    @Test
    void theInputIsCheckedBeforeTheStyle() {
        assertThat(lua.failure("uuid.format('nope', 'bogus')").message()).isEqualTo("invalid UUID format");
    }

    @Test
    void theModuleTableIsReadOnly() {
        assertThatThrownBy(() -> lua.run("uuid.v4 = nil")).isInstanceOf(LuaError.class);
        assertThatThrownBy(() -> lua.run("uuid.v8 = uuid.v4")).isInstanceOf(LuaError.class);
    }
}
