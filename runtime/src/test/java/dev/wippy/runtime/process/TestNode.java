package dev.wippy.runtime.process;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node with one process host ({@code app:processes}) running Lua entries given as source text; entries may
 * require {@code time}.
 */
final class TestNode {
    final Node node = new Node();
    final ProcessHost host;
    private final Map<String, LuaEntry> entries = new HashMap<>();
    private final Sandbox sandbox;

    TestNode(int workers) {
        host = new ProcessHost("app:processes", workers);
        host.start();
        node.addHost(host);
        Map<String, ModuleProvider> modules = new HashMap<>();
        modules.put("time", dev.wippy.runtime.time.TimeModule.PROVIDER);
        sandbox = new Sandbox(modules, entries::get, new JavaFunction("print", (s, a) -> Multi.EMPTY));
        node.setCodeResolver(id -> {
            LuaEntry e = entries.get(id);
            if (e == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "entry not found: " + id);
            }
            return new LuaEntryCode(e, sandbox);
        });
    }

    TestNode entry(String id, String source) {
        entries.put(id, new LuaEntry(id, Lua.compile(source, id), "main", List.of("time"), Map.of()));
        return this;
    }

    /** Spawns {@code id} and waits for its result. */
    ExitResult run(String id, Object... args) throws Exception {
        ProcessExecution p = node.spawn(null, id, "app:processes", args, SpawnOptions.NONE);
        return p.done().get(20, TimeUnit.SECONDS);
    }
}
