package dev.wippy.runtime.process;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.values.Frozen;

/**
 * A process event (spec 02 §2.11). Immutable; each receiver gets it as a Lua table whose fields are read with
 * {@code .} and which has a {@code payload()} method for compatibility.
 */
public record Event(String kind, String from, ExitResult result, String reason) {
    public static final String EXIT = "EXIT";
    public static final String LINK_DOWN = "LINK_DOWN";
    public static final String CANCEL = "CANCEL";
    public static final String OUTDATED = "OUTDATED";

    private static final LuaTable META = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        methods.putStr(LuaString.of("payload"), new JavaFunction("payload", (s, a) -> {
            LuaTable self = (LuaTable) a[0];
            LuaTable p = new LuaTable();
            for (String k : new String[] {"kind", "reason", "result", "sources"}) {
                p.putStr(LuaString.of(k), self.getStr(LuaString.of(k)));
            }
            return p;
        }));
        META.putStr(MetaNames.INDEX, methods);
    }

    /** A new Lua table for one receiver. */
    public LuaTable toLua() {
        LuaTable t = new LuaTable(0, 4);
        t.putStr(LuaString.of("kind"), LuaString.of(kind));
        if (from != null) {
            t.putStr(LuaString.of("from"), LuaString.of(from));
        }
        if (result != null) {
            LuaTable r = new LuaTable(0, 2);
            r.putStr(LuaString.of("value"), Frozen.thaw(result.value()));
            r.putStr(LuaString.of("error"), result.error());
            t.putStr(LuaString.of("result"), r);
        }
        if (reason != null) {
            t.putStr(LuaString.of("reason"), LuaString.of(reason));
        }
        t.setMetatable(META);
        return t;
    }
}
