package dev.wippy.data.codec;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The {@code hash} module (spec 08 §8.3): digests and HMACs on the JDK's providers, and FNV-1 hashes. */
public final class HashModule {
    private static final LuaTable TABLE = new LuaTable();

    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        digest("md5", "MD5");
        digest("sha1", "SHA-1");
        digest("sha256", "SHA-256");
        digest("sha512", "SHA-512");
        hmac("hmac_md5", "HmacMD5");
        hmac("hmac_sha1", "HmacSHA1");
        hmac("hmac_sha256", "HmacSHA256");
        hmac("hmac_sha512", "HmacSHA512");
        TABLE.putStr(LuaString.of("fnv32"), new JavaFunction("hash.fnv32", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString data)) {
                return Codecs.failure(ErrorObject.INVALID, "data must be a string");
            }
            int h = 0x811c9dc5;
            for (int i = 0; i < data.length(); i++) {
                h = h * 0x01000193 ^ data.byteAt(i);
            }
            return (double) Integer.toUnsignedLong(h);
        }));
        TABLE.putStr(LuaString.of("fnv64"), new JavaFunction("hash.fnv64", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString data)) {
                return Codecs.failure(ErrorObject.INVALID, "data must be a string");
            }
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < data.length(); i++) {
                h = h * 0x100000001b3L ^ data.byteAt(i);
            }
            return Double.parseDouble(Long.toUnsignedString(h));
        }));
        TABLE.freeze();
    }

    private HashModule() {
    }

    /** Hex text, or the raw bytes when {@code raw} is truthy. */
    private static LuaString out(byte[] bytes, Object raw) {
        return Interop.isTruthy(raw) ? LuaString.wrap(bytes) : LuaString.ofLatin1(HexFormat.of().formatHex(bytes));
    }

    private static void digest(String name, String algorithm) {
        TABLE.putStr(LuaString.of(name), new JavaFunction("hash." + name, (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString data)) {
                return Codecs.failure(ErrorObject.INVALID, "data must be a string");
            }
            try {
                return out(MessageDigest.getInstance(algorithm).digest(data.toByteArray()), Args.arg(a, 1));
            } catch (GeneralSecurityException e) {
                return Codecs.failure(ErrorObject.INTERNAL, e.getMessage());
            }
        }));
    }

    private static void hmac(String name, String algorithm) {
        TABLE.putStr(LuaString.of(name), new JavaFunction("hash." + name, (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString data)) {
                return Codecs.failure(ErrorObject.INVALID, "data must be a string");
            }
            if (!(Args.arg(a, 1) instanceof LuaString secret)) {
                return Codecs.failure(ErrorObject.INVALID, "secret must be a string");
            }
            try {
                return out(mac(algorithm, secret.toByteArray(), data.toByteArray()), Args.arg(a, 2));
            } catch (GeneralSecurityException e) {
                return Codecs.failure(ErrorObject.INTERNAL, e.getMessage());
            }
        }));
    }

    /**
     * The HMAC of {@code data} keyed with {@code key}. The JDK refuses an empty key; one zero byte is padded to the
     * same key block (RFC 2104), so it gives the same HMAC.
     */
    public static byte[] mac(String algorithm, byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
        return mac.doFinal(data);
    }
}
