package dev.wippy.runtime.process;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.time.TimeModule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node with one process host ({@code app:processes}) running Lua entries given as source text; every entry may
 * require the modules the node was made with ({@code time} by default).
 */
public final class TestNode {
    public final Node node = new Node();
    final ProcessHost host;
    private final Map<String, LuaEntry> entries = new HashMap<>();
    private final List<String> modules;
    private final Sandbox sandbox;

    TestNode(int workers) {
        this(workers, Map.of("time", TimeModule.PROVIDER));
    }

    public TestNode(int workers, Map<String, ModuleProvider> modules) {
        host = new ProcessHost("app:processes", workers);
        host.start();
        node.addHost(host);
        this.modules = List.copyOf(modules.keySet());
        sandbox = new Sandbox(modules, entries::get, new JavaFunction("print", (s, a) -> Multi.EMPTY));
        node.setCodeResolver(id -> {
            LuaEntry e = entries.get(id);
            if (e == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "entry not found: " + id);
            }
            return new LuaEntryCode(e, sandbox);
        });
    }

    /** Adds entry {@code id} whose chunk returns {@code { main = ... }}. */
    public TestNode entry(String id, String source) {
        entries.put(id, new LuaEntry(id, Lua.compile(source, id), "main", modules, Map.of()));
        return this;
    }

    public ProcessExecution spawn(String id, Object... args) {
        return node.spawn(null, id, "app:processes", args, SpawnOptions.NONE);
    }

    /** Spawns {@code id} and waits for its result. */
    public ExitResult run(String id, Object... args) throws Exception {
        return spawn(id, args).done().get(20, TimeUnit.SECONDS);
    }
}
