package dev.wippy.observability.console;

import dev.wippy.observability.watch.CallStats;
import dev.wippy.observability.watch.Watched;
import dev.wippy.runtime.app.ServiceStatus;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExecutionView;
import dev.wippy.runtime.process.HostCounters;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.workflow.embedded.WorkflowAdmin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each console page shows, as plain maps and lists for JSON: read from the runtime at the moment of the call,
 * never changing it. A page about an ID that does not exist gets null (the caller answers 404).
 */
final class Snapshots {
    /** Rows of the process table; the rest is counted, not listed. */
    static final int MAX_ROWS = 200;
    /** How deep the link tree under a service goes. */
    private static final int TREE_DEPTH = 4;

    private final Watched watched;
    private Map<String, CallStats.Interval> lastCalls = Map.of();
    private long lastCallsAt = System.nanoTime();

    Snapshots(Watched watched) {
        this.watched = watched;
    }

    /** The snapshot of {@code page} (with its {@code id} or search text), or null for an unknown ID. */
    Object of(Page page, String id, String query) {
        return switch (page) {
            case PROCESSES -> processes(query);
            case PROCESS -> process(id);
            case SERVICES -> services();
            case QUEUES -> queues();
            case WORKFLOWS -> workflows(query);
            case WORKFLOW -> workflow(id);
            case FUNCTIONS -> functions();
            case REGISTRY -> registry();
        };
    }

    private Map<String, Object> processes(String query) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> rows = new ArrayList<>();
        int matched = 0;
        int total = 0;
        for (Execution e : watched.node().executions()) {
            total++;
            String host = hostOf(e);
            if (!q.isEmpty() && !e.pid().toLowerCase(Locale.ROOT).contains(q)
                    && !e.entryId().toLowerCase(Locale.ROOT).contains(q) && !host.toLowerCase(Locale.ROOT).contains(q)) {
                continue;
            }
            matched++;
            if (rows.size() < MAX_ROWS) {
                rows.add(row(e.view(host), e));
            }
        }
        rows.sort((a, b) -> ((String) a.get("pid")).compareTo((String) b.get("pid")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hosts", hosts());
        m.put("total", total);
        m.put("matched", matched);
        m.put("rows", rows);
        m.put("tree", tree());
        return m;
    }

    private List<Map<String, Object>> hosts() {
        List<Map<String, Object>> out = new ArrayList<>();
        new TreeMap<>(watched.node().hosts()).forEach((id, h) -> {
            HostCounters c = watched.node().counters(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("workers", h.slots() == null ? 1 : h.slots().workers());
            m.put("live", c == null ? 0 : c.live());
            m.put("spawned", c == null ? 0 : c.spawnedCount());
            m.put("exited", c == null ? 0 : c.exitedCount());
            out.add(m);
        });
        return out;
    }

    /** The supervisor's services, each with its current process and what is linked to it, level by level. */
    private List<Map<String, Object>> tree() {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        watched.services().get().forEach((id, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", id);
            m.put("state", s.state().text());
            m.put("process", s.pid() == null ? null : linked(s.pid(), seen, TREE_DEPTH));
            out.add(m);
        });
        return out;
    }

    private Map<String, Object> linked(String pid, Set<String> seen, int depth) {
        Execution e = watched.node().find(pid);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("entry", e == null ? null : e.entryId());
        List<Object> children = new ArrayList<>();
        seen.add(pid);
        if (e != null && depth > 0) {
            for (String peer : e.view(null).links()) {
                if (seen.add(peer)) {
                    children.add(linked(peer, seen, depth - 1));
                }
            }
        }
        m.put("links", children);
        return m;
    }

    private static Map<String, Object> row(ExecutionView v, Execution e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", v.pid());
        m.put("entry", v.entryId());
        m.put("host", v.host());
        m.put("kind", e instanceof ProcessExecution ? "process" : "function");
        m.put("mailbox", v.mailboxDepth());
        m.put("state", state(v));
        m.put("names", v.names());
        return m;
    }

    private static String state(ExecutionView v) {
        return !v.alive() ? "exited" : v.waiting() ? "waiting" : "running";
    }

    private static String hostOf(Execution e) {
        return e instanceof ProcessExecution p ? p.host().id() : "function";
    }

    private Map<String, Object> process(String pid) {
        Execution e = pid == null ? null : watched.node().find(pid);
        if (e == null) {
            return Map.of("pid", String.valueOf(pid), "state", "exited");
        }
        ExecutionView v = e.view(hostOf(e));
        Map<String, Object> m = row(v, e);
        m.put("monitoredBy", v.monitoredBy());
        m.put("links", v.links());
        return m;
    }

    private List<Map<String, Object>> services() {
        List<Map<String, Object>> out = new ArrayList<>();
        Instant now = Instant.now();
        watched.services().get().forEach((id, s) -> out.add(service(id, s, now)));
        return out;
    }

    private static Map<String, Object> service(String id, ServiceStatus s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("state", s.state().text());
        m.put("pid", s.pid());
        m.put("retries", s.retries());
        m.put("restarts", Math.max(0, s.starts().size() - 1));
        m.put("lastRunning", s.lastRunning() == null ? null : s.lastRunning().toString());
        m.put("restartInMillis", s.nextStart() == null ? null
                : Math.max(0, Duration.between(now, s.nextStart()).toMillis()));
        m.put("lastError", s.lastError());
        return m;
    }

    private Map<String, Object> queues() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (watched.queues() != null) {
            for (String id : watched.queues().queueIds()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.putAll(watched.queues().info(id));
                out.add(m);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", System.currentTimeMillis());
        m.put("queues", out);
        return m;
    }

    private Map<String, Object> workflows(String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (watched.workflows() == null) {
            m.put("counts", Map.of());
            m.put("rows", List.of());
            return m;
        }
        m.put("counts", watched.workflows().counts());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WorkflowAdmin.Execution e : watched.workflows().list(status == null || status.isEmpty() ? null : status)) {
            if (rows.size() == MAX_ROWS) {
                break;
            }
            rows.add(execution(e));
        }
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> execution(WorkflowAdmin.Execution e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("type", e.type());
        m.put("worker", e.worker());
        m.put("status", e.status());
        m.put("created", e.createdAt().toString());
        m.put("closed", e.closedAt() == null ? null : e.closedAt().toString());
        m.put("historyLength", e.historyLength());
        return m;
    }

    private Map<String, Object> workflow(String id) {
        WorkflowAdmin admin = id == null || watched.workflows() == null ? null : watched.workflows().holding(id);
        WorkflowAdmin.Execution e = admin == null ? null : admin.get(id);
        if (e == null) {
            return null;
        }
        Map<String, Object> m = execution(e);
        m.put("result", e.result());
        m.put("error", e.error());
        m.put("history", admin.history(id));
        return m;
    }

    /** Calls per second and latency percentiles since the previous look at this page. */
    private synchronized Map<String, Object> functions() {
        long now = System.nanoTime();
        double seconds = Math.max(0.001, (now - lastCallsAt) / 1e9);
        if (seconds > 0.25) {
            lastCalls = watched.calls().interval();
            lastCallsAt = now;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> ids = new java.util.TreeSet<>(lastCalls.keySet());
        for (String id : ids) {
            CallStats.Interval i = lastCalls.get(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("calls", i.calls());
            m.put("failures", i.failures());
            m.put("perSecond", i.callsInInterval() / seconds);
            m.put("p50", i.p50Millis());
            m.put("p95", i.p95Millis());
            m.put("p99", i.p99Millis());
            m.put("max", i.maxMillis());
            rows.add(m);
        }
        return Map.of("functions", rows);
    }

    private Map<String, Object> registry() {
        Registry r = watched.registry().get();
        Map<String, List<Map<String, Object>>> byKind = new TreeMap<>();
        for (Entry e : r.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        byKind.forEach((kind, entries) -> kinds.add(Map.of("kind", kind, "count", entries.size(), "entries",
                entries)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.version());
        m.put("entries", r.all().size());
        m.put("kinds", kinds);
        return m;
    }

    /** Whether a page about {@code id} has something to show (for 404 pages). */
    boolean exists(Page page, String id) {
        return switch (page) {
            case PROCESS -> id != null && watched.node().find(id) != null;
            case WORKFLOW -> workflow(id) != null;
            default -> true;
        };
    }
}
