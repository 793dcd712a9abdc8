package dev.wippy.bench;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.ProcessHost;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A node with one process host running Lua entries given as source: process benchmarks measure spawning and
 * messaging without the registry and subsystems of a booted app in the way.
 */
public final class BenchNode {
    /** The one host, with a carrier per core. */
    public static final String HOST = "bench:processes";

    /** An entry: its ID, its source (a chunk returning a table with {@code main}) and the modules it requires. */
    public record Program(String id, String source, List<String> modules) {
        public Program(String id, String source) {
            this(id, source, List.of());
        }
    }

    private final Node node = new Node();

    /**
     * @param maxMemory every process's memory limit in bytes, 0 for none
     * @param modules the modules entries may require, beside the runtime's own
     */
    public BenchNode(long maxMemory, List<Program> programs, Map<String, ModuleProvider> modules) {
        ProcessHost host = new ProcessHost(HOST, Runtime.getRuntime().availableProcessors(), maxMemory);
        host.start();
        node.addHost(host);
        Map<String, LuaEntry> entries = programs.stream().collect(Collectors.toUnmodifiableMap(Program::id,
                p -> new LuaEntry(p.id(), Lua.compile(p.source(), p.id()), "main", p.modules(), Map.of())));
        // benchmarks measure, they do not print
        Sandbox sandbox = new Sandbox(modules, entries::get, new JavaFunction("print", (s, a) -> Multi.EMPTY));
        node.setCodeResolver(id -> {
            LuaEntry e = entries.get(id);
            if (e == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, id);
            }
            return new LuaEntryCode(e, sandbox);
        });
    }

    public Node node() {
        return node;
    }

    /** Spawns {@code entry} on the host without a parent. */
    public ProcessExecution spawn(String entry, Object... args) {
        return node.spawn(null, entry, HOST, args, SpawnOptions.NONE);
    }

    /** Runs {@code entry} to its end and returns its result; a process that fails fails the benchmark. */
    public Object run(String entry, Object... args) throws Exception {
        var result = spawn(entry, args).done().get(10, TimeUnit.MINUTES);
        if (result.isAbnormal()) {
            throw new IllegalStateException(entry + " failed: " + result.error().fullText());
        }
        return result.value();
    }
}
