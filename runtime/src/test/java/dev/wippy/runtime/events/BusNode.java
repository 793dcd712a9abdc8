package dev.wippy.runtime.events;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessHost;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node whose processes ({@code app:NAME}, main function {@code main}, on host {@code app:processes}) may require
 * {@code events}, with the bus in reach of the test.
 */
final class BusNode {
    final EventBus bus = new EventBus();
    private final Node node = new Node();
    private final Map<String, LuaEntry> entries = new HashMap<>();

    BusNode() {
        ProcessHost host = new ProcessHost("app:processes", 2);
        host.start();
        node.addHost(host);
        Sandbox sandbox = new Sandbox(Map.of("events", EventsModule.provider(bus)), entries::get,
                new JavaFunction("print", (s, a) -> Multi.EMPTY));
        node.setCodeResolver(id -> {
            LuaEntry e = entries.get(id);
            if (e == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "entry not found: " + id);
            }
            return new LuaEntryCode(e, sandbox);
        });
    }

    BusNode process(String name, String source) {
        String id = "app:" + name;
        entries.put(id, new LuaEntry(id, Lua.compile(source, name), "main", List.of("events"), Map.of()));
        return this;
    }

    /** Runs {@code app:NAME} to its end; its result must be a string. */
    String run(String name) throws Exception {
        ExitResult r = node.spawn(null, "app:" + name, "app:processes", new Object[0], SpawnOptions.NONE).done()
                .get(20, TimeUnit.SECONDS);
        if (r.error() != null) {
            throw new AssertionError("process failed: " + r.error().fullText());
        }
        return ((LuaString) r.value()).toString();
    }
}
