package dev.wippy.runtime.lua;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;

import java.util.function.BooleanSupplier;

/**
 * Whether {@code logger} and {@code print} write for a state: always for functions and processes; a workflow
 * mutes them while it replays history, unless its worker asks otherwise (spec 05 §4.2).
 */
public final class LogGate {
    private static final LuaString KEY = LuaString.of("wippy.log.gate");

    private LogGate() {
    }

    /** Makes {@code open} decide whether {@code s} logs. */
    public static void install(LuaState s, BooleanSupplier open) {
        s.registry().putStr(KEY, new LuaUserdata(open, null));
    }

    public static boolean isOpen(LuaState s) {
        return !(s.registry().getStr(KEY) instanceof LuaUserdata u && u.payload() instanceof BooleanSupplier open)
                || open.getAsBoolean();
    }
}
