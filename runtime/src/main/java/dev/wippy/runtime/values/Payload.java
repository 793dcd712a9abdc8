package dev.wippy.runtime.values;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;

/**
 * A payload object (spec 03 §3.13) holding a frozen Lua value. Immutable, so one payload can be shared by every
 * receiver of a message; {@code data()} gives each caller its own copy.
 */
public final class Payload extends LuaUserdata implements PayloadValue, Transferable {
    public static final String LUA = "lua/any";
    static final LuaTable META = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        JavaFunction data = new JavaFunction("data", (s, a) -> Frozen.thaw(check(s, a).frozen));
        methods.putStr(LuaString.of("data"), data);
        methods.putStr(LuaString.of("unmarshal"), data);
        methods.putStr(LuaString.of("get_format"), new JavaFunction("get_format",
                (s, a) -> LuaString.of(check(s, a).format)));
        META.putStr(MetaNames.INDEX, methods);
        META.putStr(MetaNames.NAME, LuaString.of("Payload"));
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring",
                (s, a) -> LuaString.of("payload{format=" + ((Payload) a[0]).format + "}")));
    }

    private final Object frozen;
    private final String format;

    public Payload(Object frozen) {
        this(frozen, LUA);
    }

    public Payload(Object frozen, String format) {
        super(META);
        this.frozen = frozen;
        this.format = format;
    }

    private static Payload check(dev.wippy.lua.vm.LuaState s, Object[] a) {
        if (Args.arg(a, 0) instanceof Payload p) {
            return p;
        }
        throw Args.typeError(s, a, 0, "Payload");
    }

    @Override
    public Object frozen() {
        return frozen;
    }

    public String format() {
        return format;
    }
}
