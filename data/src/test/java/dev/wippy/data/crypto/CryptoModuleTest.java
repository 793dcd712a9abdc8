package dev.wippy.data.crypto;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.ModuleLua;
import dev.wippy.runtime.lua.SideEffects;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code crypto} (spec 08 §8.4): randomness through side effects, ciphers, HMAC, JWT, PBKDF2. */
class CryptoModuleTest {
    private final ModuleLua lua = new ModuleLua("crypto", s -> CryptoModule.PROVIDER.load(s)) {
    };

    @Test
    void randomValuesHaveTheirShapeAndComeFromTheSideEffectHost() {
        assertThat(lua.eval("#crypto.random.bytes(32)")).isEqualTo(32L);
        assertThat(lua.text("crypto.random.string(40)")).matches("[A-Za-z0-9]{40}");
        assertThat(lua.text("crypto.random.string(20, 'ab')")).matches("[ab]{20}");
        assertThat(lua.text("crypto.random.uuid()")).matches("[0-9a-f-]{36}").contains("-4");
        assertThat(lua.failure("crypto.random.bytes(0)").kind()).isEqualTo("Invalid");
        assertThat(lua.failure("crypto.random.string(5, '')").kind()).isEqualTo("Invalid");

        List<String> kinds = new ArrayList<>();
        SideEffects.install(lua.state, (kind, fresh) -> {
            kinds.add(kind);
            byte[] recorded = new byte[fresh.get().length];
            Arrays.fill(recorded, (byte) 7);
            return recorded;
        });
        assertThat(lua.eval("crypto.random.bytes(3)")).isEqualTo(LuaString.wrap(new byte[] {7, 7, 7}));
        Object[] r = lua.run("""
                local key = string.rep("k", 32)
                local a = crypto.encrypt.aes("same", key)
                local b = crypto.encrypt.aes("same", key)
                return a == b, a:sub(1, 12) == string.rep("\\7", 12)
                """);
        assertThat(r).containsExactly(true, true);
        assertThat(kinds).containsExactly("crypto.random.bytes", "crypto.encrypt.nonce", "crypto.encrypt.nonce");
    }

    @Test
    void ciphersRoundTripAndRejectTampering() {
        Object[] r = lua.run("""
                local key = string.rep("k", 16)
                local sealed = assert(crypto.encrypt.aes("secret text", key, "aad"))
                local plain = assert(crypto.decrypt.aes(sealed, key, "aad"))
                local _, wrongAad = crypto.decrypt.aes(sealed, key, "other")
                local _, short = crypto.decrypt.aes("short", key)
                local _, badKey = crypto.encrypt.aes("x", "tooshort")
                local ckey = string.rep("c", 32)
                local c = assert(crypto.encrypt.chacha20("other secret", ckey))
                local tampered = c:sub(1, 20) .. string.char((c:byte(21) + 1) % 256) .. c:sub(22)
                local _, bad = crypto.decrypt.chacha20(tampered, ckey)
                return plain, #sealed, wrongAad:kind(), short:message(), badKey:kind(),
                    crypto.decrypt.chacha20(c, ckey), bad:kind()
                """);
        assertThat(r).containsExactly(LuaString.of("secret text"), 12L + 11 + 16, LuaString.of("Internal"),
                LuaString.of("encrypted data too short"), LuaString.of("Invalid"), LuaString.of("other secret"),
                LuaString.of("Internal"));
    }

    @Test
    void hmacPbkdf2AndComparison() {
        assertThat(lua.text("crypto.hmac.sha256('key', 'The quick brown fox jumps over the lazy dog')"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(lua.failure("crypto.hmac.sha512('', 'x')").kind()).isEqualTo("Invalid");
        // RFC 6070-style vector for PBKDF2-HMAC-SHA256 ("password", "salt", 1 iteration, 32 bytes)
        assertThat(lua.eval("(crypto.pbkdf2('password', 'salt', 1, 32):gsub('.', function(c) "
                + "return string.format('%02x', c:byte()) end))"))
                .hasToString("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
        assertThat(lua.failure("crypto.pbkdf2('p', 's', 0, 32)").kind()).isEqualTo("Invalid");
        assertThat(lua.failure("crypto.pbkdf2('p', 's', 1, 32, 'md5')").kind()).isEqualTo("Invalid");
        assertThat(lua.eval("crypto.constant_time_compare('abc', 'abc')")).isEqualTo(true);
        assertThat(lua.eval("crypto.constant_time_compare('abc', 'abd')")).isEqualTo(false);
    }

    @Test
    void jwtSignsAndVerifiesWithSecretsAndRsaKeys() throws Exception {
        Object[] r = lua.run("""
                local t = assert(crypto.jwt.encode({sub = "u1", exp = os.time() + 60, _header = {kid = "k1"}}, "s3"))
                local claims = assert(crypto.jwt.verify(t, "s3"))
                local _, wrong = crypto.jwt.verify(t, "other")
                local expired = crypto.jwt.encode({sub = "u1", exp = os.time() - 60}, "s3")
                local _, late = crypto.jwt.verify(expired, "s3")
                local noExp = crypto.jwt.encode({sub = "u1"}, "s3", "HS512")
                local _, required = crypto.jwt.verify(noExp, "s3", "HS512")
                local optional = crypto.jwt.verify(noExp, "s3", "HS512", false)
                local _, alg = crypto.jwt.verify(noExp, "s3", "HS256", false)
                local header = t:match("^[^.]+")
                return claims.sub, math.type(claims.exp), wrong:kind(), late:kind(), required:kind(),
                    optional.sub, alg:kind(), header
                """);
        LuaString internal = LuaString.of("Internal");
        assertThat(Arrays.copyOf(r, 7)).containsExactly(LuaString.of("u1"), LuaString.of("float"), internal,
                internal, internal, LuaString.of("u1"), internal);
        assertThat(new String(Base64.getUrlDecoder().decode(r[7].toString())))
                .isEqualTo("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}");

        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        String pkcs8Pem = pem("PRIVATE KEY", pkcs8);
        // a 2048-bit PKCS#8 key holds its PKCS#1 form after a 26-byte header
        String pkcs1Pem = pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
        String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        lua.state.globals().putStr(LuaString.of("PRIV8"), LuaString.of(pkcs8Pem));
        lua.state.globals().putStr(LuaString.of("PRIV1"), LuaString.of(pkcs1Pem));
        lua.state.globals().putStr(LuaString.of("PUB"), LuaString.of(publicPem));
        Object[] rs = lua.run("""
                local a = assert(crypto.jwt.encode({sub = "rsa", exp = os.time() + 60}, PRIV8, "RS256"))
                local b = assert(crypto.jwt.encode({sub = "rsa", exp = os.time() + 60}, PRIV1, "RS256"))
                local _, badKey = crypto.jwt.encode({sub = "x"}, "not a key", "RS256")
                return crypto.jwt.verify(a, PUB, "RS256").sub, crypto.jwt.verify(b, PUB, "RS256").sub, badKey:kind()
                """);
        assertThat(rs).containsExactly(LuaString.of("rsa"), LuaString.of("rsa"), LuaString.of("Invalid"));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
