package dev.wippy.lua.lib;

import dev.wippy.lua.vm.LuaState;

/** Installs the standard libraries of a profile into a state. */
public final class Libraries {
    private Libraries() {}

    public static void install(LuaState s, boolean sandbox) {
        BaseLib.install(s, sandbox);
        CoroutineLib.install(s);
        if (!sandbox) {
            IoLib.install(s);
            DebugLib.install(s);
            PackageLib.install(s, "coroutine", "io", "debug");
        }
    }
}
