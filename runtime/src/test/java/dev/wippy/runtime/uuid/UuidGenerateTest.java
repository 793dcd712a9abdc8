package dev.wippy.runtime.uuid;

import dev.wippy.lua.vm.LuaString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Generating UUIDs (spec 03 §3.9): versions 1, 3, 4, 5 and 7, always lowercase and in the standard form. */
class UuidGenerateTest {
    private static final String DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    private static final String URL = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

    private final UuidLua lua = new UuidLua();

    private static String pattern(char version) {
        return "[0-9a-f]{8}-[0-9a-f]{4}-" + version + "[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v4", "v7"})
    void generatorsReturnLowercaseStandardTextOfTheirVersion(String generator) {
        String id = lua.text("uuid." + generator + "()");
        assertThat(id).matches(pattern(generator.charAt(1)));
        assertThat(lua.eval("uuid.version(uuid." + generator + "())")).isEqualTo((long) (generator.charAt(1) - '0'));
        assertThat(lua.text("uuid.variant(uuid." + generator + "())")).isEqualTo("RFC4122");
    }

    @Test
    void generatorsIgnoreArguments() {
        assertThat(lua.text("uuid.v4('ignored', 1)")).matches(pattern('4'));
    }

    /** A Lua expression counting the distinct IDs among {@code n} calls of {@code generator}. */
    private static String distinct(String generator, int n) {
        return "(function() local seen, count = {}, 0 for _ = 1, " + n + " do local id = uuid." + generator + "() "
                + "if not seen[id] then seen[id] = true count = count + 1 end end return count end)()";
    }

    @Test
    void version4IsRandom() {
        assertThat(lua.eval(distinct("v4", 1000))).isEqualTo(1000L);
    }

    @Test
    void version7StrictlyIncreasesEvenWithinOneMillisecond() {
        Object[] r = lua.run("""
                local previous = uuid.v7()
                for _ = 1, 20000 do
                  local id = uuid.v7()
                  if id <= previous then return previous, id end
                  previous = id
                end
                return 'increasing'""");
        assertThat(r).containsExactly(LuaString.of("increasing"));
    }

    @Test
    void version7CarriesTheCurrentUnixTime() {
        long before = System.currentTimeMillis() / 1000;
        long stamp = (Long) lua.eval("uuid.parse(uuid.v7()).timestamp");
        assertThat(stamp).isBetween(before, System.currentTimeMillis() / 1000);
    }

    @Test
    void version1CarriesTheCurrentTimeAndOneRandomMulticastNodeForTheRuntime() {
        long before = System.currentTimeMillis() / 1000;
        Object[] r = lua.run("""
                local a, b = uuid.parse(uuid.v1()), uuid.parse(uuid.v1())
                return a.timestamp, #a.node, a.node == b.node, a.node:byte(1) & 1""");
        assertThat((Long) r[0]).isBetween(before, System.currentTimeMillis() / 1000);
        assertThat(r[1]).isEqualTo(6L);
        assertThat(r[2]).isEqualTo(Boolean.TRUE);
        assertThat(r[3]).as("multicast bit of a random node ID").isEqualTo(1L);
    }

    @Test
    void version1NeverRepeats() {
        assertThat(lua.eval(distinct("v1", 5000))).isEqualTo(5000L);
    }

    @ParameterizedTest(name = "{0}({1}, \"{2}\") = {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            v3 | DNS | www.example.com | 5df41881-3aed-3515-88a7-2f4a814cf09e
            v5 | DNS | www.example.com | 2ed6657d-e927-568b-95e1-2665a8aea6a2
            v3 | URL | ``              | 14cdb9b4-de01-3faa-aff5-65bc2f771745
            v5 | URL | x               | 4cd605e7-afa2-5360-b5b9-c5e9fb5c76f4
            """)
    void nameBasedVersionsHashTheNamespaceAndTheName(String generator, String ns, String name, String expected) {
        String namespace = ns.equals("DNS") ? DNS : URL;
        assertThat(lua.text("uuid." + generator + "('" + namespace + "', '" + name + "')")).isEqualTo(expected);
    }

    @Test
    void namesAreHashedAsRawBytes() {
        assertThat(lua.text("uuid.v5('" + URL + "', '\\xff\\0')")).isEqualTo("d5c9ca94-b48a-5647-b09c-b366ceb01cc8");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "6BA7B810-9DAD-11D1-80B4-00C04FD430C8",
        "6ba7b8109dad11d180b400c04fd430c8",
        "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}",
        "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8"})
    void theNamespaceMayBeInAnyAcceptedForm(String namespace) {
        assertThat(lua.text("uuid.v5('" + namespace + "', 'www.example.com')"))
                .isEqualTo("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            uuid.v3()                                      | namespace
            uuid.v5(nil, 'x')                              | namespace
            uuid.v5(42, 'x')                               | namespace
            uuid.v3('not-a-uuid', 'x')                     | namespace
            uuid.v5('6ba7b810-9dad-11d1-80b4-00c04fd430c', 'x') | namespace
            uuid.v3('6ba7b810-9dad-11d1-80b4-00c04fd430c8')      | name
            uuid.v5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 42)  | name
            uuid.v5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', {})  | name
            """)
    void badNamespacesAndNamesAreInvalid(String call, String culprit) {
        UuidLua.Failure f = lua.failure(call);
        assertThat(f.valueIsNil()).isTrue();
        assertThat(f.kind()).isEqualTo("Invalid");
        assertThat(f.message()).contains(culprit);
        assertThat(f.retryable()).isFalse();
    }
}
