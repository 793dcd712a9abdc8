package dev.wippy.runtime.time;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.ProcessHost;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A node with one process host running Lua entries, given as source text, that list {@code time} in modules. */
final class TimeProcesses {
    final Node node = new Node();
    private final Map<String, LuaEntry> entries = new HashMap<>();

    TimeProcesses() {
        ProcessHost host = new ProcessHost("app:processes", 2);
        host.start();
        node.addHost(host);
        Sandbox sandbox = new Sandbox(Map.of("time", TimeModule.PROVIDER), entries::get,
                new JavaFunction("print", (s, a) -> Multi.EMPTY));
        node.setCodeResolver(id -> {
            LuaEntry e = entries.get(id);
            if (e == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "entry not found: " + id);
            }
            return new LuaEntryCode(e, sandbox);
        });
    }

    /** Adds {@code app:<name>} whose chunk is {@code body} wrapped in {@code main}, with {@code time} required. */
    TimeProcesses entry(String name, String body) {
        String source = "local time = require('time')\nlocal function main(...)\n" + body + "\nend\nreturn { main = main }";
        String id = "app:" + name;
        entries.put(id, new LuaEntry(id, Lua.compile(source, id), "main", List.of("time"), Map.of()));
        return this;
    }

    ProcessExecution spawn(String name) {
        return node.spawn(null, "app:" + name, "app:processes", new Object[0], SpawnOptions.NONE);
    }

    /** Runs {@code app:<name>} to its end; fails the test if it takes more than 20 s. */
    ExitResult run(String name) throws Exception {
        return spawn(name).done().get(20, TimeUnit.SECONDS);
    }
}
