package dev.wippy.lua;

import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.LuaState;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Runs Lua snippets in fresh standalone states and returns what they print. */
public final class LuaRunner {
    private LuaRunner() {}

    /** Runs {@code source} (chunk name "test") and returns its standard output. */
    public static String run(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LuaState s = Lua.newState(Lua.Profile.STANDALONE, new ByteArrayInputStream(new byte[0]), out, out);
        CallResult.all(s, Lua.compile(source, "test").instantiate(s.globals()).callv(s, new Object[0]));
        return out.toString(StandardCharsets.UTF_8);
    }
}
