package dev.wippy.http.lua;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.http.server.Exchange;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;

import java.util.Map;

/** The {@code http} module (spec 07 §2.4): {@code request}, {@code response} and the constant tables. */
public final class HttpModule {
    private static final String NO_CONTEXT = "no HTTP request context found";
    private static final LuaTable TABLE = new LuaTable();

    /** The shared, read-only module table. */
    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        TABLE.putStr(LuaString.of("request"), new JavaFunction("http.request", (s, a) -> {
            Object opts = Args.arg(a, 0);
            if (opts != null && !(opts instanceof LuaTable)) {
                throw LuaError.library("http.request: options must be a table");
            }
            Exchange x = RequestHandle.of(s);
            if (x == null) {
                return Failures.fail(ErrorObject.INTERNAL, NO_CONTEXT);
            }
            return Failures.ok(new RequestValue(x, BodyLimits.of((LuaTable) opts)));
        }));
        TABLE.putStr(LuaString.of("response"), new JavaFunction("http.response", (s, a) -> {
            Exchange x = RequestHandle.of(s);
            if (x == null) {
                return Failures.fail(ErrorObject.INTERNAL, NO_CONTEXT);
            }
            return Failures.ok(new ResponseValue(x));
        }));
        constants("METHOD", Map.of("GET", "GET", "POST", "POST", "PUT", "PUT", "DELETE", "DELETE", "PATCH", "PATCH",
                "HEAD", "HEAD", "OPTIONS", "OPTIONS"));
        LuaTable status = new LuaTable();
        Object[][] codes = {{"OK", 200}, {"CREATED", 201}, {"ACCEPTED", 202}, {"NO_CONTENT", 204},
            {"PARTIAL_CONTENT", 206}, {"MOVED_PERMANENTLY", 301}, {"FOUND", 302}, {"SEE_OTHER", 303},
            {"NOT_MODIFIED", 304}, {"TEMPORARY_REDIRECT", 307}, {"PERMANENT_REDIRECT", 308}, {"BAD_REQUEST", 400},
            {"UNAUTHORIZED", 401}, {"PAYMENT_REQUIRED", 402}, {"FORBIDDEN", 403}, {"NOT_FOUND", 404},
            {"METHOD_NOT_ALLOWED", 405}, {"NOT_ACCEPTABLE", 406}, {"CONFLICT", 409}, {"GONE", 410},
            {"UNPROCESSABLE", 422}, {"TOO_MANY_REQUESTS", 429}, {"INTERNAL_ERROR", 500},
            {"INTERNAL_SERVER_ERROR", 500}, {"NOT_IMPLEMENTED", 501}, {"BAD_GATEWAY", 502},
            {"SERVICE_UNAVAILABLE", 503}, {"GATEWAY_TIMEOUT", 504}, {"VERSION_NOT_SUPPORTED", 505}};
        for (Object[] c : codes) {
            status.putStr(LuaString.of((String) c[0]), (long) (int) (Integer) c[1]);
        }
        TABLE.putStr(LuaString.of("STATUS"), status.freeze());
        constants("CONTENT", Map.of("JSON", "application/json", "FORM", "application/x-www-form-urlencoded",
                "MULTIPART", "multipart/form-data", "TEXT", "text/plain", "STREAM", "application/octet-stream"));
        constants("TRANSFER", Map.of("CHUNKED", "chunked", "SSE", "sse"));
        constants("ERROR", Map.of("PARSE_FAILED", "PARSE_FAILED", "INVALID_STATE", "INVALID_STATE", "WRITE_FAILED",
                "WRITE_FAILED", "STREAM_ERROR", "STREAM_ERROR"));
        TABLE.freeze();
    }

    private HttpModule() {
    }

    private static void constants(String name, Map<String, String> values) {
        LuaTable t = new LuaTable();
        values.forEach((k, v) -> t.putStr(LuaString.of(k), LuaString.of(v)));
        TABLE.putStr(LuaString.of(name), t.freeze());
    }
}
