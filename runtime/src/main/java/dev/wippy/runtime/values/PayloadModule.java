package dev.wippy.runtime.values;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;

/** The {@code payload} global (spec 03 §3.13): {@code payload.new} and the format names. */
public final class PayloadModule {
    public static final LuaTable TABLE = new LuaTable();

    static {
        TABLE.putStr(LuaString.of("new"), new JavaFunction("payload.new", (s, a) -> {
            Object v = a.length > 0 ? a[0] : null;
            if (v instanceof ErrorObject e) {
                return new Payload(e, "golang/error");
            }
            try {
                return new Payload(Frozen.freeze(v));
            } catch (Frozen.NotTransferable e) {
                return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, e.getMessage()));
            }
        }));
        LuaTable format = new LuaTable();
        String[][] formats = {{"LUA", "lua/any"}, {"JSON", "json/plain"}, {"YAML", "yaml/plain"},
            {"STRING", "text/plain"}, {"BYTES", "application/octet-stream"}, {"MSGPACK", "application/msgpack"},
            {"GOLANG", "golang/any"}, {"ERROR", "golang/error"}};
        for (String[] f : formats) {
            format.putStr(LuaString.of(f[0]), LuaString.of(f[1]));
        }
        TABLE.putStr(LuaString.of("format"), format.freeze());
        TABLE.freeze();
    }

    private PayloadModule() {}
}
