package dev.wippy.data.codec;

import dev.wippy.runtime.ModuleLua;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code yaml}, {@code base64} and {@code hash} (spec 08 §8.1–§8.3). */
class CodecModulesTest {
    private final ModuleLua yaml = new ModuleLua("yaml", s -> YamlModule.PROVIDER.load(s)) {
    };
    private final ModuleLua b64 = new ModuleLua("base64", s -> Base64Module.PROVIDER.load(s)) {
    };
    private final ModuleLua hash = new ModuleLua("hash", s -> HashModule.PROVIDER.load(s)) {
    };

    @Test
    void yamlEncodesSortedMappingsAndSequences() {
        assertThat(yaml.eval("yaml.encode({b = 1, a = {x = 1.5, y = 2.0}, item10 = true, item2 = 'two words', "
                + "list = {1, 'x'}})")).hasToString("""
                a:
                    x: 1.5
                    y: 2
                b: 1
                item2: two words
                item10: true
                list:
                - 1
                - x
                """);
        assertThat(yaml.eval("yaml.encode({name = 'n', id = 1, z = {id = 2, b = 3}}, {field_order = {'id', 'name'}})"))
                .hasToString("id: 1\nname: n\nz:\n  id: 2\n  b: 3\n");
        assertThat(yaml.eval("yaml.encode({})")).hasToString("{}\n");
        assertThat(yaml.eval("yaml.encode({'true', 'null', '12', 'plain'})"))
                .hasToString("- 'true'\n- 'null'\n- '12'\n- plain\n");
        assertThat(yaml.failure("yaml.encode('text')")).extracting(ModuleLua.Failure::kind,
                ModuleLua.Failure::message).containsExactly("Invalid", "table expected");
    }

    @Test
    void yamlDecodesTheFirstDocument() {
        Object[] r = yaml.run("""
                local v = yaml.decode("a: 1\\nb: 2.5\\nc: [x, null, true]\\n1: one\\nt: 2024-05-01\\n---\\nsecond: 1\\n")
                return math.type(v.a), math.type(v.b), v.c[1], v.c[2], v.c[3], v["1"], v.t, v.second
                """);
        assertThat(r).containsExactly(dev.wippy.lua.vm.LuaString.of("integer"),
                dev.wippy.lua.vm.LuaString.of("float"), dev.wippy.lua.vm.LuaString.of("x"), null, true,
                dev.wippy.lua.vm.LuaString.of("one"), dev.wippy.lua.vm.LuaString.of("2024-05-01"), null);
        assertThat(yaml.failure("yaml.decode('')").message()).isEqualTo("input cannot be empty");
        assertThat(yaml.failure("yaml.decode(5)").message()).isEqualTo("string expected");
        assertThat(yaml.failure("yaml.decode('a: [1, 2')")).extracting(ModuleLua.Failure::kind)
                .isEqualTo("Internal");
    }

    @Test
    void base64IsStrictAboutPaddingAndAlphabet() {
        assertThat(b64.eval("base64.encode('hello')")).hasToString("aGVsbG8=");
        assertThat(b64.eval("base64.decode('aGVs\\r\\nbG8=')")).hasToString("hello");
        assertThat(b64.eval("base64.decode('')")).hasToString("");
        assertThat(b64.failure("base64.decode('aGVsbG8')").kind()).isEqualTo("Invalid");
        assertThat(b64.failure("base64.decode('aGV sbG8=')").kind()).isEqualTo("Invalid");
        assertThat(b64.failure("base64.encode(12)").message()).isEqualTo("string expected");
    }

    @Test
    void hashesMatchTheirKnownValues() {
        assertThat(hash.eval("hash.md5('')")).hasToString("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(hash.eval("hash.sha256('abc')"))
                .hasToString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hash.eval("#hash.sha512('abc', true)")).isEqualTo(64L);
        assertThat(hash.eval("hash.hmac_sha256('The quick brown fox jumps over the lazy dog', 'key')"))
                .hasToString("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(hash.eval("hash.hmac_md5('', '')")).hasToString("74e6f7298a9c2d168935f58c001bad88");
        assertThat(hash.eval("hash.fnv32('a')")).isEqualTo(0x050c5d7eL * 1.0);
        assertThat(hash.eval("hash.fnv64('')")).isEqualTo(Double.parseDouble(Long.toUnsignedString(0xcbf29ce484222325L)));
        assertThat(hash.failure("hash.hmac_sha1('x', 1)").message()).isEqualTo("secret must be a string");
    }
}
