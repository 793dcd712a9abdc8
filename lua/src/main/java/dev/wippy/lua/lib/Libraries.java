package dev.wippy.lua.lib;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;

/** Installs the standard libraries of a profile into a state. */
public final class Libraries {
    /**
     * The library tables every sandbox state gets a copy of. Keys made once: a new LuaString hashes its bytes on
     * first use, which was about 40% of the cost of creating a state (one per function call).
     */
    private static final LuaString[] SANDBOX_TABLES = keys("coroutine", "string", "table", "math", "os", "utf8");
    private static final LuaString STRING = LuaString.of("string");
    private static final LuaString GLOBALS = LuaString.of("_G");

    /**
     * The globals of a sandbox state built once; new sandbox states copy it (and its library tables)
     * copy-on-write, which is much cheaper than filling fresh tables for every process.
     */
    private static final LuaState SANDBOX_TEMPLATE = template();

    private Libraries() {}

    private static LuaString[] keys(String... names) {
        LuaString[] keys = new LuaString[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = LuaString.of(names[i]);
        }
        return keys;
    }

    private static LuaState template() {
        LuaState t = new LuaState(new LuaTable());
        install(t, true);
        return t;
    }

    /** A table of the sandbox globals that an embedder may extend and pass to {@link #newSandboxState(LuaTable)}. */
    public static LuaTable sandboxGlobals() {
        return LuaTable.copyOnWrite(SANDBOX_TEMPLATE.globals());
    }

    /** A new state with the sandbox libraries, sharing storage with the template. */
    public static LuaState newSandboxState() {
        return newSandboxState(SANDBOX_TEMPLATE.globals());
    }

    /**
     * A new state whose globals are a copy-on-write copy of {@code template} (made from {@link #sandboxGlobals()}),
     * with library tables of its own.
     */
    public static LuaState newSandboxState(LuaTable template) {
        LuaTable g = LuaTable.copyOnWrite(template);
        LuaState s = new LuaState(g);
        for (LuaString key : SANDBOX_TABLES) {
            g.putStr(key, LuaTable.copyOnWrite((LuaTable) template.getStr(key)));
        }
        g.putStr(GLOBALS, g);
        LuaTable stringMeta = LuaTable.copyOnWrite(SANDBOX_TEMPLATE.stringMetatable());
        stringMeta.putStr(MetaNames.INDEX, g.getStr(STRING));
        s.setStringMetatable(stringMeta);
        return s;
    }

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
