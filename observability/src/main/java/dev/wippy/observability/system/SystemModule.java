package dev.wippy.observability.system;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;

import java.util.function.BiFunction;

/**
 * The {@code system} module (spec 08 §7): memory and collector figures of the JVM, parallelism, the OS process,
 * node and cluster facts of a standalone node, supervised services, hosts and their processes, a graceful exit, and
 * the list of modules. This runtime has no security policies, so every permission check passes; the cluster-only
 * functions answer as a standalone node does.
 */
public final class SystemModule {
    private SystemModule() {
    }

    public static ModuleProvider provider(SystemFacts facts) {
        LuaTable t = new LuaTable();
        LuaTable memory = table(t, "memory");
        fn(memory, "memory.stats", "stats", (s, a) -> facts.memoryStats());
        fn(memory, "memory.allocated", "allocated", (s, a) -> facts.allocated());
        fn(memory, "memory.heap_objects", "heap_objects", (s, a) -> facts.heapObjects());
        fn(memory, "memory.set_limit", "set_limit", (s, a) -> facts.setMemoryLimit(Args.arg(a, 0)));
        fn(memory, "memory.get_limit", "get_limit", (s, a) -> facts.memoryLimit());
        LuaTable gc = table(t, "gc");
        fn(gc, "gc.collect", "collect", (s, a) -> {
            System.gc();
            return Boolean.TRUE;
        });
        fn(gc, "gc.set_percent", "set_percent", (s, a) -> facts.setGcPercent(Args.checkDouble(s, a, 0)));
        fn(gc, "gc.get_percent", "get_percent", (s, a) -> facts.gcPercent());
        LuaTable runtime = table(t, "runtime");
        fn(runtime, "runtime.goroutines", "goroutines", (s, a) -> facts.executionUnits());
        fn(runtime, "runtime.max_procs", "max_procs", (s, a) -> Args.isNoneOrNil(a, 0) ? facts.maxProcs()
                : facts.setMaxProcs(Args.checkDouble(s, a, 0)));
        fn(runtime, "runtime.cpu_count", "cpu_count", (s, a) -> (double) Runtime.getRuntime().availableProcessors());
        LuaTable process = table(t, "process");
        fn(process, "process.pid", "pid", (s, a) -> (double) ProcessHandle.current().pid());
        fn(process, "process.hostname", "hostname", (s, a) -> LuaString.of(SystemFacts.hostname()));
        fn(process, "process.cwd", "cwd", (s, a) -> LuaString.of(System.getProperty("user.dir")));
        LuaTable node = table(t, "node");
        fn(node, "node.id", "id", (s, a) -> LuaString.of(facts.nodeId()));
        fn(node, "node.addr", "addr", (s, a) -> fail(ErrorObject.INTERNAL, "local node address not available"));
        fn(node, "node.role", "role", (s, a) -> LuaString.of("non-member"));
        LuaTable cluster = table(t, "cluster");
        fn(cluster, "cluster.members", "members", (s, a) -> facts.members());
        fn(cluster, "cluster.leader", "leader", (s, a) -> LuaString.of(""));
        fn(cluster, "cluster.size", "size", (s, a) -> 1.0);
        LuaTable raft = table(t, "raft");
        for (String name : new String[] {"is_leader", "is_member", "role", "term", "commit_index", "stats"}) {
            fn(raft, "raft." + name, name, (s, a) -> fail(ErrorObject.INTERNAL, "raft not available"));
        }
        LuaTable lock = table(t, "lock");
        for (String name : new String[] {"acquire", "release"}) {
            fn(lock, "lock." + name, name, (s, a) -> fail(ErrorObject.INTERNAL, "lock service not available"));
        }
        LuaTable supervisor = table(t, "supervisor");
        fn(supervisor, "supervisor.state", "state", (s, a) -> facts.serviceState(Args.checkString(s, a, 0).toString()));
        fn(supervisor, "supervisor.states", "states", (s, a) -> facts.serviceStates());
        LuaTable hosts = table(t, "hosts");
        fn(hosts, "hosts.list", "list", (s, a) -> facts.hosts());
        fn(hosts, "hosts.processes", "processes", (s, a) -> facts.processes(Args.checkString(s, a, 0).toString()));
        t.putStr(LuaString.of("exit"), new JavaFunction("system.exit", (s, a) -> facts.exit(Args.arg(a, 0))));
        t.putStr(LuaString.of("modules"), new JavaFunction("system.modules", (s, a) -> facts.modules()));
        freeze(t);
        return s -> t;
    }

    static Object fail(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }

    private static LuaTable table(LuaTable parent, String name) {
        LuaTable t = new LuaTable();
        parent.putStr(LuaString.of(name), t);
        return t;
    }

    private static void fn(LuaTable t, String fullName, String name, BiFunction<LuaState, Object[], Object> f) {
        t.putStr(LuaString.of(name), new JavaFunction("system." + fullName, f::apply));
    }

    private static void freeze(LuaTable t) {
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (t.slotValue(slot) instanceof LuaTable inner) {
                inner.freeze();
            }
        }
        t.freeze();
    }
}
