package dev.wippy.http.lua;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

/** The options of {@code http.request(options)}: read timeout and largest body (defaults also for values ≤ 0). */
record BodyLimits(long timeoutMillis, long maxBody) {
    static final long DEFAULT_TIMEOUT = 300_000;
    static final long DEFAULT_MAX_BODY = 125_829_120;

    static BodyLimits of(LuaTable options) {
        if (options == null) {
            return new BodyLimits(DEFAULT_TIMEOUT, DEFAULT_MAX_BODY);
        }
        return new BodyLimits(positive(options.getStr(LuaString.of("timeout")), DEFAULT_TIMEOUT),
                positive(options.getStr(LuaString.of("max_body")), DEFAULT_MAX_BODY));
    }

    private static long positive(Object v, long otherwise) {
        long n = v instanceof Long l ? l : v instanceof Double d ? d.longValue() : 0;
        return n > 0 ? n : otherwise;
    }
}
