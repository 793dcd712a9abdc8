package dev.wippy.lua.lib;

import dev.wippy.lua.vm.LuaState;

/** Installs the standard libraries of a profile into a state. */
public final class Libraries {
    private Libraries() {}

    public static void install(LuaState s, boolean sandbox) {
        BaseLib.install(s, sandbox);
        CoroutineLib.install(s);
        StringLib.install(s, sandbox);
        TableLib.install(s, sandbox);
        MathLib.install(s, sandbox);
        OsLib.install(s, sandbox);
        Utf8Lib.install(s);
        if (sandbox) {
            s.globals().putStr(dev.wippy.lua.vm.LuaString.of("unpack"), TableLib.unpackFunction());
        } else {
            IoLib.install(s);
            DebugLib.install(s);
            PackageLib.install(s, "coroutine", "string", "table", "math", "os", "utf8", "io", "debug");
        }
    }
}
