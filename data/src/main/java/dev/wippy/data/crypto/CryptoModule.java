package dev.wippy.data.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wippy.data.codec.HashModule;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.SideEffects;
import dev.wippy.runtime.values.Frozen;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code crypto} module (spec 08 §8.4), on the JDK's providers: random values, HMAC, AES-GCM and
 * ChaCha20-Poly1305 with a random 12-byte nonce in front of the ciphertext, JWT and PBKDF2. Random values and
 * nonces are side effects ({@link SideEffects}): a workflow records them and gets the same ones on replay.
 */
public final class CryptoModule {
    private static final LuaTable TABLE = new LuaTable();
    /** Made on first use: seeding a SecureRandom costs start-up time for apps that never draw from it. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }
    private static final int NONCE = 12;
    private static final int MAX_RANDOM = 1 << 20;
    private static final byte[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .getBytes(StandardCharsets.US_ASCII);

    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        LuaTable random = new LuaTable();
        fn(random, "bytes", (s, a) -> {
            long n = Args.checkInteger(s, a, 0);
            if (n < 1 || n > MAX_RANDOM) {
                return failure(ErrorObject.INVALID, "byte count must be between 1 and " + MAX_RANDOM);
            }
            return LuaString.wrap(random(s, "crypto.random.bytes", (int) n));
        });
        fn(random, "string", (s, a) -> {
            long n = Args.checkInteger(s, a, 0);
            byte[] charset = Args.isNoneOrNil(a, 1) ? ALPHANUMERIC : Args.checkString(s, a, 1).toByteArray();
            if (charset.length == 0) {
                return failure(ErrorObject.INVALID, "charset must not be empty");
            }
            if (n < 1 || n > MAX_RANDOM) {
                return failure(ErrorObject.INVALID, "length must be between 1 and " + MAX_RANDOM);
            }
            byte[] bytes = random(s, "crypto.random.string", (int) n);
            byte[] out = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                out[i] = charset[(bytes[i] & 0xff) % charset.length];
            }
            return LuaString.wrap(out);
        });
        fn(random, "uuid", (s, a) -> LuaString.wrap(SideEffects.of(s).record("crypto.random.uuid",
                () -> UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))));
        TABLE.putStr(LuaString.of("random"), random.freeze());

        LuaTable hmac = new LuaTable();
        hmacFn(hmac, "sha256", "HmacSHA256");
        hmacFn(hmac, "sha512", "HmacSHA512");
        TABLE.putStr(LuaString.of("hmac"), hmac.freeze());

        LuaTable encrypt = new LuaTable();
        LuaTable decrypt = new LuaTable();
        fn(encrypt, "aes", (s, a) -> seal(s, a, Aead.AES));
        fn(decrypt, "aes", (s, a) -> open(s, a, Aead.AES));
        fn(encrypt, "chacha20", (s, a) -> seal(s, a, Aead.CHACHA));
        fn(decrypt, "chacha20", (s, a) -> open(s, a, Aead.CHACHA));
        TABLE.putStr(LuaString.of("encrypt"), encrypt.freeze());
        TABLE.putStr(LuaString.of("decrypt"), decrypt.freeze());

        LuaTable jwt = new LuaTable();
        fn(jwt, "encode", CryptoModule::jwtEncode);
        fn(jwt, "verify", CryptoModule::jwtVerify);
        TABLE.putStr(LuaString.of("jwt"), jwt.freeze());

        fn(TABLE, "pbkdf2", CryptoModule::pbkdf2);
        fn(TABLE, "constant_time_compare", (s, a) -> MessageDigest.isEqual(Args.checkString(s, a, 0).toByteArray(),
                Args.checkString(s, a, 1).toByteArray()));
        TABLE.freeze();
    }

    private CryptoModule() {
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.putStr(LuaString.of(name), new JavaFunction(name, body));
    }

    private static Object failure(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message, Boolean.FALSE, null));
    }

    private static byte[] random(LuaState s, String kind, int n) {
        return SideEffects.of(s).record(kind, () -> {
            byte[] b = new byte[n];
            Random.INSTANCE.nextBytes(b);
            return b;
        });
    }

    private static void hmacFn(LuaTable t, String name, String algorithm) {
        fn(t, name, (s, a) -> {
            byte[] key = Args.checkString(s, a, 0).toByteArray();
            byte[] data = Args.checkString(s, a, 1).toByteArray();
            if (key.length == 0) {
                return failure(ErrorObject.INVALID, "key must not be empty");
            }
            try {
                return LuaString.ofLatin1(HexFormat.of().formatHex(HashModule.mac(algorithm, key, data)));
            } catch (GeneralSecurityException e) {
                return failure(ErrorObject.INTERNAL, e.getMessage());
            }
        });
    }

    /** The two authenticated ciphers, their key sizes and nonce parameters. */
    private enum Aead {
        AES("AES/GCM/NoPadding", "AES") {
            @Override
            boolean keySize(int n) {
                return n == 16 || n == 24 || n == 32;
            }

            @Override
            AlgorithmParameterSpec parameters(byte[] nonce) {
                return new GCMParameterSpec(128, nonce);
            }
        },
        CHACHA("ChaCha20-Poly1305", "ChaCha20") {
            @Override
            boolean keySize(int n) {
                return n == 32;
            }

            @Override
            AlgorithmParameterSpec parameters(byte[] nonce) {
                return new IvParameterSpec(nonce);
            }
        };

        final String transformation;
        final String keyAlgorithm;

        Aead(String transformation, String keyAlgorithm) {
            this.transformation = transformation;
            this.keyAlgorithm = keyAlgorithm;
        }

        abstract boolean keySize(int n);

        abstract AlgorithmParameterSpec parameters(byte[] nonce);

        Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
            Cipher c = Cipher.getInstance(transformation);
            c.init(mode, new SecretKeySpec(key, keyAlgorithm), parameters(nonce));
            if (aad != null) {
                c.updateAAD(aad);
            }
            return c;
        }
    }

    /** The arguments of {@code encrypt.*} and {@code decrypt.*}: data, key, optional additional data. */
    private record Sealing(byte[] data, byte[] key, byte[] aad) {
        static Sealing of(LuaState s, Object[] a) {
            return new Sealing(Args.checkString(s, a, 0).toByteArray(), Args.checkString(s, a, 1).toByteArray(),
                    Args.isNoneOrNil(a, 2) ? null : Args.checkString(s, a, 2).toByteArray());
        }
    }

    private static Object seal(LuaState s, Object[] a, Aead aead) {
        Sealing in = Sealing.of(s, a);
        byte[] data = in.data();
        byte[] key = in.key();
        byte[] aad = in.aad();
        if (!aead.keySize(key.length)) {
            return failure(ErrorObject.INVALID, "invalid key size " + key.length);
        }
        byte[] nonce = random(s, "crypto.encrypt.nonce", NONCE);
        try {
            byte[] sealed = aead.cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(data);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return LuaString.wrap(out);
        } catch (GeneralSecurityException e) {
            return failure(ErrorObject.INTERNAL, "encryption failed: " + e.getMessage());
        }
    }

    private static Object open(LuaState s, Object[] a, Aead aead) {
        Sealing in = Sealing.of(s, a);
        byte[] data = in.data();
        if (!aead.keySize(in.key().length)) {
            return failure(ErrorObject.INVALID, "invalid key size " + in.key().length);
        }
        if (data.length < NONCE) {
            return failure(ErrorObject.INVALID, "encrypted data too short");
        }
        byte[] nonce = java.util.Arrays.copyOf(data, NONCE);
        try {
            return LuaString.wrap(aead.cipher(Cipher.DECRYPT_MODE, in.key(), nonce, in.aad())
                    .doFinal(data, NONCE, data.length - NONCE));
        } catch (AEADBadTagException e) {
            return failure(ErrorObject.INTERNAL, "message authentication failed");
        } catch (GeneralSecurityException e) {
            return failure(ErrorObject.INTERNAL, "decryption failed: " + e.getMessage());
        }
    }

    private static Object jwtEncode(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaTable payload) || payload.length() > 0) {
            return failure(ErrorObject.INVALID, "payload must be a table of claims");
        }
        byte[] key = Args.checkString(s, a, 1).toByteArray();
        String alg = Jwt.algorithm(Args.arg(a, 2) instanceof LuaString name ? name.toString() : null);
        Map<String, Object> claims = javaMap(payload);
        Map<String, Object> header = claims.remove("_header") instanceof Map<?, ?> h ? stringKeys(h) : Map.of();
        try {
            return LuaString.of(Jwt.encode(claims, header, key, alg));
        } catch (GeneralSecurityException e) {
            return failure(alg.equals("RS256") ? ErrorObject.INVALID : ErrorObject.INTERNAL,
                    "cannot sign the token: " + e.getMessage());
        }
    }

    private static Object jwtVerify(LuaState s, Object[] a) {
        String token = Args.checkString(s, a, 0).toString();
        byte[] key = Args.checkString(s, a, 1).toByteArray();
        String alg = Args.arg(a, 2) instanceof LuaString name ? name.toString() : "HS256";
        boolean requireExp = !(Args.arg(a, 3) instanceof Boolean b) || b;
        try {
            return lua(Jwt.verify(token, key, alg, requireExp, System.currentTimeMillis() / 1000));
        } catch (Jwt.Invalid e) {
            return failure(ErrorObject.INTERNAL, e.getMessage());
        }
    }

    private static Map<String, Object> javaMap(LuaTable t) {
        try {
            return Frozen.toJava(Frozen.freeze(t)) instanceof Map<?, ?> m ? stringKeys(m) : new LinkedHashMap<>();
        } catch (Frozen.NotTransferable e) {
            return new LinkedHashMap<>();
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Claims as Lua values; every number comes back a float. */
    private static Object lua(JsonNode n) {
        if (n.isObject()) {
            LuaTable t = new LuaTable();
            n.properties().forEach(e -> {
                Object v = lua(e.getValue());
                if (v != null) {
                    t.putStr(LuaString.of(e.getKey()), v);
                }
            });
            return t;
        }
        if (n.isArray()) {
            LuaTable t = new LuaTable();
            for (int i = 0; i < n.size(); i++) {
                Object v = lua(n.get(i));
                if (v != null) {
                    t.putInt(i + 1, v);
                }
            }
            return t;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.isNull() ? null : LuaString.of(n.asText());
    }

    private static Object pbkdf2(LuaState s, Object[] a) {
        byte[] password = Args.checkString(s, a, 0).toByteArray();
        byte[] salt = Args.checkString(s, a, 1).toByteArray();
        long iterations = Args.checkInteger(s, a, 2);
        long length = Args.checkInteger(s, a, 3);
        String hash = Args.isNoneOrNil(a, 4) ? "sha256" : Args.checkString(s, a, 4).toString();
        if (password.length == 0 || salt.length == 0) {
            return failure(ErrorObject.INVALID, "password and salt must not be empty");
        }
        if (iterations <= 0 || iterations > 10_000_000) {
            return failure(ErrorObject.INVALID, "iterations must be between 1 and 10000000");
        }
        if (length <= 0 || length > MAX_RANDOM) {
            return failure(ErrorObject.INVALID, "key length must be positive");
        }
        String algorithm = switch (hash) {
            case "sha256" -> "PBKDF2WithHmacSHA256";
            case "sha512" -> "PBKDF2WithHmacSHA512";
            default -> null;
        };
        if (algorithm == null) {
            return failure(ErrorObject.INVALID, "unsupported hash: " + hash);
        }
        try {
            char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
            PBEKeySpec spec = new PBEKeySpec(chars, salt, (int) iterations, (int) length * 8);
            return LuaString.wrap(SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            return failure(ErrorObject.INTERNAL, e.getMessage());
        }
    }
}
