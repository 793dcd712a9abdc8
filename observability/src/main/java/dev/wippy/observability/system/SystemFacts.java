package dev.wippy.observability.system;

import dev.wippy.observability.watch.Watched;
import dev.wippy.runtime.app.ServiceState;
import dev.wippy.runtime.app.ServiceStatus;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExecutionView;
import dev.wippy.runtime.process.Host;
import dev.wippy.runtime.process.HostCounters;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.values.Frozen;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The answers of the {@code system} module, as plain values turned into Lua tables (every number a float, spec 08
 * §7). Memory figures map the JVM's onto the reference's names as the spec chooses; limits, the collector percent
 * and parallelism are stored and returned, without changing the JVM.
 */
public final class SystemFacts {
    /** Bytes per object assumed for the heap object estimate (a JVM does not count its objects). */
    private static final long BYTES_PER_OBJECT = 64;
    private static final double UNLIMITED = (double) Long.MAX_VALUE;

    private final Watched watched;
    private final IntConsumer exit;
    private final Supplier<Set<String>> moduleNames;
    private double memoryLimit = UNLIMITED;
    private double gcPercent = 100;
    private double maxProcs = Runtime.getRuntime().availableProcessors();

    public SystemFacts(Watched watched, IntConsumer exit, Supplier<Set<String>> moduleNames) {
        this.watched = watched;
        this.exit = exit;
        this.moduleNames = moduleNames;
    }

    Object memoryStats() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        double used = heap.getUsed();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alloc", used);
        m.put("total_alloc", totalAllocated(used));
        m.put("sys", (double) heap.getCommitted() + nonHeap.getCommitted());
        m.put("heap_alloc", used);
        m.put("heap_sys", (double) heap.getCommitted());
        m.put("heap_idle", (double) heap.getCommitted() - heap.getUsed());
        m.put("heap_in_use", used);
        m.put("heap_released", 0.0);
        m.put("heap_objects", heapObjects());
        for (String zero : new String[] {"stack_in_use", "stack_sys", "mspan_in_use", "mspan_sys"}) {
            m.put(zero, 0.0);
        }
        m.put("num_gc", (double) collections());
        m.put("next_gc", (double) heap.getCommitted());
        return lua(m);
    }

    Object allocated() {
        return (double) ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    Object heapObjects() {
        return Math.max(1.0, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / BYTES_PER_OBJECT);
    }

    synchronized Object setMemoryLimit(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() < 0 && n.doubleValue() != -1) {
            return SystemModule.fail(ErrorObject.INVALID, "memory limit must be a number of bytes, or -1 for none");
        }
        double previous = memoryLimit;
        memoryLimit = n.doubleValue() == -1 ? UNLIMITED : n.doubleValue();
        return previous == UNLIMITED ? -1.0 : previous;
    }

    synchronized Object memoryLimit() {
        return memoryLimit;
    }

    synchronized Object setGcPercent(double percent) {
        double previous = gcPercent;
        gcPercent = percent;
        return previous;
    }

    synchronized Object gcPercent() {
        return gcPercent;
    }

    /** Live executions plus the JVM's platform threads: always above zero. */
    Object executionUnits() {
        return (double) watched.node().executions().size() + ManagementFactory.getThreadMXBean().getThreadCount();
    }

    synchronized Object maxProcs() {
        return maxProcs;
    }

    synchronized Object setMaxProcs(double n) {
        if (n <= 0) {
            return SystemModule.fail(ErrorObject.INVALID, "max_procs must be above 0");
        }
        double previous = maxProcs;
        maxProcs = Math.floor(n);
        return previous;
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    String nodeId() {
        return "wippy@" + hostname();
    }

    Object members() {
        return lua(List.of(Map.of("id", nodeId(), "is_local", true)));
    }

    Object serviceState(String id) {
        ServiceStatus s = watched.services().get().get(id);
        if (s == null) {
            return SystemModule.fail(ErrorObject.NOT_FOUND, "service not found: " + id);
        }
        return lua(describe(id, s));
    }

    Object serviceStates() {
        List<Object> out = new ArrayList<>();
        watched.services().get().forEach((id, s) -> out.add(describe(id, s)));
        return lua(out);
    }

    private static Map<String, Object> describe(String id, ServiceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", s.state().text());
        boolean stopped = s.state() == ServiceState.STOPPING || s.state() == ServiceState.STOPPED;
        m.put("desired", stopped ? "stopped" : "running");
        m.put("retry_count", (double) s.retries());
        Instant last = s.starts().isEmpty() ? null : s.starts().getLast();
        m.put("last_update", last == null ? 0.0 : nanos(last));
        m.put("started_at", s.lastRunning() == null ? 0.0 : nanos(s.lastRunning()));
        if (s.lastError() != null) {
            m.put("details", s.lastError());
        }
        return m;
    }

    private static double nanos(Instant t) {
        return t.getEpochSecond() * 1e9 + t.getNano();
    }

    Object hosts() {
        List<Object> out = new ArrayList<>();
        Map<String, Long> waiting = waitingByHost();
        new TreeSet<>(watched.node().hosts().keySet()).forEach(id -> {
            Host h = watched.node().hosts().get(id);
            HostCounters c = watched.node().counters(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("workers", h.slots() == null ? 1.0 : (double) h.slots().workers());
            m.put("processes", c == null ? 0.0 : (double) c.live());
            m.put("executed", c == null ? 0.0 : (double) c.spawnedCount());
            m.put("stolen", 0.0);
            m.put("queue_depth", (double) waiting.getOrDefault(id, 0L));
            out.add(m);
        });
        return lua(out);
    }

    /** Messages waiting in the mailboxes of each host's processes. */
    private Map<String, Long> waitingByHost() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Execution e : watched.node().executions()) {
            if (e instanceof ProcessExecution p) {
                out.merge(p.host().id(), (long) p.view(null).mailboxDepth(), Long::sum);
            }
        }
        return out;
    }

    Object processes(String hostId) {
        if (watched.node().host(hostId) == null) {
            return SystemModule.fail(ErrorObject.NOT_FOUND, "host not found: " + hostId);
        }
        List<Object> out = new ArrayList<>();
        for (Execution e : watched.node().executions()) {
            if (e instanceof ProcessExecution p && p.host().id().equals(hostId)) {
                ExecutionView v = p.view(hostId);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pid", v.pid());
                m.put("host", hostId);
                m.put("source", v.entryId());
                m.put("state", v.waiting() ? "waiting" : "running");
                m.put("steps", 0.0);
                m.put("started_at", 0.0);
                out.add(m);
            }
        }
        return lua(out);
    }

    Object exit(Object code) {
        exit.accept(code instanceof Number n ? n.intValue() : 0);
        return Boolean.TRUE;
    }

    Object modules() {
        List<Object> out = new ArrayList<>();
        for (String name : new TreeSet<>(moduleNames.get())) {
            out.add(Map.of("name", name, "description", "", "class", List.of()));
        }
        return lua(out);
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static double totalAllocated(double fallback) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            long total = t.getTotalThreadAllocatedBytes();
            if (total > 0) {
                return total;
            }
        }
        return fallback;
    }

    private static Object lua(Object plain) {
        return Frozen.thaw(Frozen.fromJava(plain));
    }
}
