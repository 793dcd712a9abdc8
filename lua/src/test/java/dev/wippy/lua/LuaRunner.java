package dev.wippy.lua;

import dev.wippy.lua.vm.CallResult;
import dev.wippy.lua.vm.LuaState;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** Runs Lua snippets in fresh standalone states (on a thread with a deep stack) and returns what they print. */
public final class LuaRunner {
    private LuaRunner() {}

    /** Runs {@code source} (chunk name "test") and returns its standard output; Lua errors propagate. */
    public static String run(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                LuaState s = Lua.newState(Lua.Profile.STANDALONE, new ByteArrayInputStream(new byte[0]), out, out);
                CallResult.all(s, Lua.compile(source, "test").instantiate(s.globals()).callv(s, new Object[0]));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "lua-test", 256L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
