package dev.wippy.runtime.process;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.memory.ByteSize;
import dev.wippy.runtime.memory.MemoryLimit;
import dev.wippy.runtime.values.Payload;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * One runtime node: its hosts, the table of live executions by PID, the name registry, and timers. Spawning,
 * sending and resolving destinations go through here.
 */
public final class Node {
    private final Pids pids = new Pids();
    private final ConcurrentHashMap<String, Execution> executions = new ConcurrentHashMap<>();
    private final NameRegistry names = new NameRegistry();
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, HostCounters> counters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = newTimers();
    private final List<ExternalProcesses> externals = new CopyOnWriteArrayList<>();
    private volatile CodeResolver code;

    /**
     * One daemon thread for all timers of the node. Cancelled timers leave the queue at once: processes re-arm idle
     * timers on every message, and cancelled entries must not pile up until their deadline.
     */
    private static ScheduledExecutorService newTimers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wippy-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    public void setCodeResolver(CodeResolver code) {
        this.code = code;
    }

    public NameRegistry names() {
        return names;
    }

    public ScheduledExecutorService timers() {
        return timers;
    }

    public Pids pids() {
        return pids;
    }

    public void addHost(Host host) {
        hosts.put(host.id(), host);
        counters.putIfAbsent(host.id(), new HostCounters());
    }

    /** Every host of the node, by ID. */
    public java.util.Map<String, Host> hosts() {
        return java.util.Collections.unmodifiableMap(hosts);
    }

    /** The spawn and exit counts of host {@code id}, or null for an unknown host. */
    public HostCounters counters(String id) {
        return counters.get(id);
    }

    public Host host(String id) {
        return hosts.get(id);
    }

    /** Adds a provider of executions outside the node's memory (workflows). */
    public void addExternal(ExternalProcesses x) {
        externals.add(x);
    }

    /** The external provider whose PID {@code destination} is, or null for the node's own PIDs and names. */
    public ExternalProcesses ownerOf(String destination) {
        for (ExternalProcesses x : externals) {
            if (x.owns(destination)) {
                return x;
            }
        }
        return null;
    }

    /** The external provider that runs host {@code hostId}, or null. */
    public ExternalProcesses externalHost(String hostId) {
        for (ExternalProcesses x : externals) {
            if (x.isHost(hostId)) {
                return x;
            }
        }
        return null;
    }

    public Collection<Execution> executions() {
        return executions.values();
    }

    // ---------------------------------------------------------------- executions

    public Execution find(String pid) {
        return executions.get(pid);
    }

    /** Registers an execution that was created outside {@link #spawn} (a function invocation). */
    public void register(Execution e) {
        executions.put(e.pid(), e);
    }

    void remove(Execution e) {
        executions.remove(e.pid(), e);
    }

    void exited(ProcessExecution p) {
        HostCounters c = counters.get(p.host().id());
        if (c != null) {
            c.exited();
        }
    }

    /**
     * A destination (PID or registered name) as a live execution.
     *
     * @throws SpawnException INVALID for a malformed PID, NOT_FOUND when nothing alive answers to it
     */
    public Execution resolve(String destination) {
        String pid = destination;
        if (Pids.looksLikePid(destination)) {
            if (!Pids.isWellFormed(destination)) {
                throw new SpawnException(ErrorObject.INVALID, "invalid pid: " + destination);
            }
        } else {
            pid = names.lookup(destination);
            if (pid == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "process not found: " + destination);
            }
        }
        Execution e = executions.get(pid);
        if (e == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "process not found: " + destination);
        }
        return e;
    }

    /** Sends a message; NOT_FOUND (as SpawnException) when the destination is not alive. */
    public void send(String from, String destination, String topic, Payload payload) {
        Execution target = resolve(destination);
        if (!target.deliver(new Message(topic, from, payload))) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "process not found: " + destination);
        }
    }

    /**
     * Starts a process of {@code entryId} on {@code hostId}; the relations and name of {@code options} exist before
     * it can run. {@code caller} may be null (the runtime spawning a service).
     */
    public ProcessExecution spawn(Execution caller, String entryId, String hostId, Object[] frozenArgs,
                                  SpawnOptions options) {
        Host host = hosts.get(hostId);
        if (host == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "host not found: " + hostId);
        }
        if (!host.isRunning()) {
            throw new SpawnException(ErrorObject.UNAVAILABLE, "host not running: " + hostId);
        }
        long maxMemory;
        try {
            maxMemory = MemoryLimit.of(host.maxMemory(), options.options().get(MemoryLimit.OPTION));
        } catch (ByteSize.Invalid e) {
            throw new SpawnException(ErrorObject.INVALID, "bad option value: " + MemoryLimit.OPTION + ": "
                    + e.getMessage());
        }
        EntryCode entry = code.resolve(entryId);
        Map<String, Object> context = new HashMap<>(caller == null ? Map.of() : caller.context());
        context.putAll(options.context());
        ProcessExecution p = new ProcessExecution(this, pids.allocate(hostId), entryId, host, entry, frozenArgs,
                Map.copyOf(context), maxMemory);
        host.admit(p);
        if (options.name() != null) {
            if (names.register(options.name(), p.pid()) != NameRegistry.Outcome.REGISTERED) {
                throw new SpawnException(ErrorObject.ALREADY_EXISTS, "name already registered: " + options.name());
            }
            p.rememberName(options.name());
        }
        executions.put(p.pid(), p);
        for (Message m : options.messages()) {
            p.deliver(m);
        }
        if (caller != null) {
            if (options.monitor()) {
                p.addMonitor(caller.pid());
            }
            if (options.link()) {
                p.addLink(caller.pid());
                caller.addLink(p.pid());
            }
        }
        counters.get(hostId).spawned();
        p.start();
        return p;
    }

    // ---------------------------------------------------------------- relations and names

    public void monitor(Execution watcher, String destination) {
        Execution target = resolve(destination);
        if (!target.addMonitor(watcher.pid())) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "process not found: " + destination);
        }
    }

    public void unmonitor(Execution watcher, String destination) {
        Execution target = resolve(destination);
        target.removeMonitor(watcher.pid());
    }

    public void link(Execution self, String destination) {
        Execution target = resolve(destination);
        if (target == self) {
            throw new SpawnException(ErrorObject.INVALID, "cannot link a process to itself");
        }
        if (!target.addLink(self.pid())) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "process not found: " + destination);
        }
        self.addLink(target.pid());
    }

    public void unlink(Execution self, String destination) {
        Execution target = resolve(destination);
        target.removeLink(self.pid());
        self.removeLink(target.pid());
    }

    /** {@code process.registry.register}: binds a name to a live PID. */
    public void registerName(String name, String pid) {
        Execution e = executions.get(pid);
        if (e == null) {
            throw new SpawnException(ErrorObject.NOT_FOUND, "process not found: " + pid);
        }
        if (names.register(name, pid) != NameRegistry.Outcome.REGISTERED) {
            throw new SpawnException(ErrorObject.ALREADY_EXISTS, "name already registered: " + name);
        }
        e.rememberName(name);
    }
}
