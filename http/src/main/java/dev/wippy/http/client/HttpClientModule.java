package dev.wippy.http.client;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.http.lua.Failures;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The module table: one function per method, {@code request}, {@code request_batch}, URI escaping. */
public final class HttpClientModule {
    private static final LuaTable TABLE = new LuaTable();

    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        for (String m : new String[] {"get", "post", "put", "delete", "head", "patch"}) {
            String method = m.toUpperCase(Locale.ROOT);
            fn(m, (s, a) -> Requests.perform(s, method, url(s, a, 0), Args.arg(a, 1)));
        }
        fn("request", (s, a) -> {
            LuaString method = Args.checkString(s, a, 0);
            if (method.length() == 0) {
                throw LuaError.library("http_client.request: method is required");
            }
            return Requests.perform(s, method.toString().toUpperCase(Locale.ROOT), url(s, a, 1), Args.arg(a, 2));
        });
        fn("request_batch", Batch::perform);
        fn("encode_uri", (s, a) -> LuaString.of(encode(Args.checkString(s, a, 0).toString())));
        fn("decode_uri", (s, a) -> {
            try {
                return decode(Args.checkString(s, a, 0).toString());
            } catch (IllegalArgumentException e) {
                return Failures.fail(ErrorObject.INVALID, e.getMessage());
            }
        });
        TABLE.freeze();
    }

    private HttpClientModule() {
    }

    private static void fn(String name, JavaFunction.Body body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction("http_client." + name, body));
    }

    private static String url(dev.wippy.lua.vm.LuaState s, Object[] a, int i) {
        if (!(Args.arg(a, i) instanceof LuaString url) || url.length() == 0) {
            throw LuaError.library("http_client: url is required");
        }
        return url.toString();
    }

    /** Query-component escaping: letters, digits and {@code -_.~} kept, space as {@code +}, the rest {@code %XX}. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** {@code +} as space and {@code %XX}; a bad escape is refused. */
    static LuaString decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid URL escape \"" + s.substring(i, Math.min(s.length(),
                            i + 3)) + "\"");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return LuaString.wrap(out.toByteArray());
    }
}
