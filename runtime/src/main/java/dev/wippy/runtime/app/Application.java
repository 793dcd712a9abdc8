package dev.wippy.runtime.app;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.channel.ChannelModule;
import dev.wippy.runtime.config.RuntimeConfig;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.errors.ErrorsModule;
import dev.wippy.runtime.events.EventBus;
import dev.wippy.runtime.events.EventsModule;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.funcs.CtxModule;
import dev.wippy.runtime.funcs.FuncsModule;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.json.JsonModule;
import dev.wippy.runtime.log.LoggerModule;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.memory.ByteSize;
import dev.wippy.runtime.metrics.CollectorSlot;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.ProcessHost;
import dev.wippy.runtime.process.ProcessModule;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.KindNames;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.RegistryHistory;
import dev.wippy.runtime.registry.RegistryLoader;
import dev.wippy.runtime.registrymod.RegistryModule;
import dev.wippy.runtime.terminal.IoModule;
import dev.wippy.runtime.terminal.Terminal;
import dev.wippy.runtime.terminal.TerminalHost;
import dev.wippy.runtime.time.TimeModule;
import dev.wippy.runtime.uuid.UuidModule;
import dev.wippy.runtime.values.PayloadModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A booted app (spec 01 §1.11): the registry is loaded and checked, every Lua entry compiled, hosts created and
 * auto-start services running. Ends with {@link #shutdown}.
 */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger("wippy");

    private final Registry registry;
    private final Node node;
    private final LiveCode code;
    private final Map<String, TerminalHost> terminals = new LinkedHashMap<>();
    private final List<ProcessHost> processHosts = new ArrayList<>();
    private final Map<String, String> commands;
    private final ServiceSupervisor supervisor;
    /** The extensions' subsystems in start order. */
    private final List<Subsystem> subsystems;
    private final CompletableFuture<Integer> exitRequest;

    private Application(Registry registry, Node node, LiveCode code, Map<String, String> commands,
                        ServiceSupervisor supervisor, List<Subsystem> subsystems, CompletableFuture<Integer> exit) {
        this.registry = registry;
        this.node = node;
        this.code = code;
        this.commands = commands;
        this.supervisor = supervisor;
        this.subsystems = subsystems;
        this.exitRequest = exit;
    }

    /**
     * Loads, checks and starts the app in {@code root} with the settings of its {@code .wippy.yaml}.
     *
     * @throws BootException when the app cannot start; its message names file, line and entry
     */
    public static Application boot(Path root, Terminal terminal) {
        return boot(root, terminal, RuntimeConfig.read(root));
    }

    /**
     * Loads, checks and starts the app in {@code root} with {@code config} (the file's settings, some perhaps
     * given on the command line instead).
     *
     * @throws BootException when the app cannot start; its message names file, line and entry
     */
    public static Application boot(Path root, Terminal terminal, RuntimeConfig config) {
        RegistryLoader.Loaded loaded = RegistryLoader.load(root, LOG::warn);
        Registry registry = loaded.registry();
        List<Extension> extensions = Extensions.load();
        warnAboutKinds(registry, extensions);
        Node node = new Node();
        Functions functions = new Functions(node);
        RegistryHistory history = new RegistryHistory(registry, config.registryHistory());
        Map<String, ModuleProvider> modules = modules(functions, new EventBus(), history);
        Decoding decoding = new Decoding(Extensions.decodedKinds(extensions));
        LiveCode code = new LiveCode(functions, decoding, root, loaded.src(), modules, LOG::warn);
        ServiceSupervisor supervisor = new ServiceSupervisor(node);
        CollectorSlot metrics = new CollectorSlot();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        AppBoot boot = new AppBoot(root, config, registry, decoding, node, functions, modules, code, LOG::warn,
                new AppBoot.Runtime() {
                    @Override
                    public CollectorSlot metrics() {
                        return metrics;
                    }

                    @Override
                    public Map<String, ServiceStatus> services() {
                        return supervisor.statuses();
                    }

                    @Override
                    public void requestExit(int code) {
                        exit.complete(code);
                    }
                });
        for (Extension x : extensions) {
            boot.booted(x.boot(boot));
        }
        Registry decoded = boot.decoded();
        code.load(decoded);
        References.check(decoded);
        history.setCommitHandler(code);
        Application app = new Application(registry, node, code, Commands.of(registry), supervisor,
                boot.subsystems(), exit);
        app.start(terminal, modules);
        return app;
    }

    /**
     * The built-in modules entries may require; {@code events} is the node's one bus, and {@code history} holds the
     * registry versions that Lua code reads and changes (raw entries: {@code registry.get} never shows secrets).
     */
    private static Map<String, ModuleProvider> modules(Functions functions, EventBus events, RegistryHistory history) {
        Map<String, ModuleProvider> m = new HashMap<>();
        m.put("funcs", FuncsModule.provider(functions));
        m.put("ctx", CtxModule.PROVIDER);
        m.put("logger", LoggerModule.PROVIDER);
        m.put("io", IoModule.PROVIDER);
        m.put("process", s -> ProcessModule.TABLE);
        m.put("channel", s -> ChannelModule.TABLE);
        m.put("errors", s -> ErrorsModule.TABLE);
        m.put("payload", s -> PayloadModule.TABLE);
        m.put("time", TimeModule.PROVIDER);
        m.put("json", JsonModule.PROVIDER);
        m.put("uuid", UuidModule.PROVIDER);
        m.put("events", EventsModule.provider(events));
        m.put("registry", RegistryModule.provider(history));
        return m;
    }

    private static void warnAboutKinds(Registry registry, List<Extension> extensions) {
        Set<String> run = new TreeSet<>(Kinds.RUN);
        extensions.forEach(x -> x.kinds().forEach(k -> run.add(k.name())));
        Set<String> notYet = new TreeSet<>(Kinds.NOT_YET);
        notYet.removeAll(run);
        Set<String> known = new TreeSet<>(run);
        known.addAll(notYet);
        TreeSet<String> unknown = new TreeSet<>();
        TreeSet<String> inert = new TreeSet<>();
        for (Entry e : registry.all()) {
            if (notYet.contains(e.kind())) {
                inert.add(e.kind());
            } else if (!run.contains(e.kind())) {
                unknown.add(e.kind());
            }
        }
        for (String kind : unknown) {
            String near = KindNames.nearest(kind, known);
            LOG.warn("unknown entry kind '{}'{}; its entries are kept as data", kind,
                    near == null ? "" : " (did you mean '" + near + "'?)");
        }
        for (String kind : inert) {
            LOG.warn("entry kind '{}' is not run by this runtime yet; its entries are kept as data", kind);
        }
    }

    private void start(Terminal terminal, Map<String, ModuleProvider> modules) {
        Sandbox sandbox = new Sandbox(modules, code::lua, LoggerModule.PRINT);
        node.setCodeResolver(id -> {
            LuaEntry lua = code.lua(id);
            Entry e = code.decoded().get(id);
            if (e == null) {
                throw new SpawnException(ErrorObject.NOT_FOUND, "entry not found: " + id);
            }
            if (lua == null || !e.kind().equals(Kinds.PROCESS_LUA)) {
                throw new SpawnException(ErrorObject.INVALID, "entry " + id + " is a " + e.kind()
                        + ", not a process");
            }
            return new LuaEntryCode(lua, sandbox);
        });
        code.start(sandbox);
        Registry decoded = code.decoded();
        for (Entry e : decoded.ofKind(Kinds.PROCESS_HOST)) {
            int workers = (int) e.integer("host.workers", Runtime.getRuntime().availableProcessors());
            if (workers < 1) {
                throw BootException.at(e, "host.workers must be at least 1");
            }
            ProcessHost host = new ProcessHost(e.id(), workers, maxMemory(e));
            node.addHost(host);
            processHosts.add(host);
            host.start();
        }
        for (Entry e : decoded.ofKind(Kinds.TERMINAL_HOST)) {
            TerminalHost host = new TerminalHost(e.id(), terminal);
            node.addHost(host);
            terminals.put(e.id(), host);
            host.start();
        }
        subsystems.forEach(Subsystem::start);
        supervisor.start(StartOrder.of(decoded.ofKind(Kinds.PROCESS_SERVICE)));
        LOG.info("runtime ready");
    }

    /** A host's {@code host.max_memory}: 0 when unset, a boot error naming the entry when it is not a size. */
    private static long maxMemory(Entry e) {
        Object value = e.field("host.max_memory");
        try {
            return value == null ? 0 : ByteSize.parse(value);
        } catch (ByteSize.Invalid bad) {
            throw BootException.at(e, "host.max_memory: " + bad.getMessage());
        }
    }

    public Registry registry() {
        return registry;
    }

    public Node node() {
        return node;
    }

    /** The running subsystem of type {@code type} (the queues, the workflow workers, ...). */
    public <T extends Subsystem> T subsystem(Class<T> type) {
        T found = Subsystem.first(subsystems, type);
        if (found == null) {
            throw new IllegalArgumentException("no subsystem of type " + type.getName());
        }
        return found;
    }

    /** The state of every started service, by entry ID. */
    public Map<String, ServiceStatus> services() {
        return supervisor.statuses();
    }

    /**
     * Completes with an exit code when code running in the app asks the runtime to shut down ({@code system.exit},
     * spec 01 §5.5); the command then shuts down gracefully and exits with it.
     */
    public CompletableFuture<Integer> exitRequested() {
        return exitRequest;
    }

    /** Named commands ({@code meta.command.name}) to entry IDs, sorted by name. */
    public Map<String, String> commands() {
        return commands;
    }

    /**
     * Resolves what {@code wippy run -x TARGET [--host HOST]} runs (spec 01 §5.3.2): {@code HOST/ENTRY}, an entry
     * ID, or a named command; the terminal host is {@code --host}, else the only one.
     */
    public Target target(String target, String hostOption) {
        String host = hostOption;
        String entry = target;
        int slash = target.indexOf('/');
        if (slash > 0) {
            String fromTarget = target.substring(0, slash);
            if (host != null && !host.equals(fromTarget)) {
                throw new BootException("--host " + host + " conflicts with the host in -x " + target);
            }
            host = fromTarget;
            entry = target.substring(slash + 1);
        }
        if (!entry.contains(":")) {
            String id = commands.get(entry);
            if (id == null) {
                throw new BootException("unknown command '" + entry + "'" + (commands.isEmpty() ? ""
                        : " (available: " + String.join(", ", commands.keySet()) + ")"));
            }
            entry = id;
        }
        Entry e = code.decoded().get(entry);
        if (e == null) {
            throw new BootException("entry " + entry + " does not exist");
        }
        if (!e.kind().equals(Kinds.PROCESS_LUA)) {
            throw BootException.at(e, "cannot run a " + e.kind() + " on a terminal (a process.lua entry is needed)");
        }
        if (host == null) {
            if (terminals.size() != 1) {
                throw new BootException(terminals.isEmpty() ? "no terminal.host entry to run " + entry + " on"
                        : "several terminal hosts (" + String.join(", ", terminals.keySet())
                        + "); choose one with --host");
            }
            host = terminals.keySet().iterator().next();
        } else if (!terminals.containsKey(host)) {
            throw new BootException(host + " is not a terminal.host entry");
        }
        return new Target(host, entry, code.decoded().get(host).flag("hide_logs", false));
    }

    /** A process to run on a terminal host, and whether the console log is muted while it runs. */
    public record Target(String host, String entry, boolean hideLogs) {}

    /** Runs {@code target} on its terminal with string arguments; completes when the process has exited. */
    public ProcessExecution run(Target target, List<String> args) {
        Object[] frozen = args.stream().map(LuaString::of).toArray();
        return node.spawn(null, target.entry(), target.host(), frozen, SpawnOptions.NONE);
    }

    /**
     * Graceful shutdown (spec 01 §5.5): subsystems stop first (consumers finish their handlers while the processes
     * they may talk to still run), then services stop dependents first, then every other process gets CANCEL and
     * the rest of {@code timeout} to exit before it is terminated.
     *
     * @return what had to be cut short or terminated when the timeout ran out; empty when everything stopped
     */
    public List<String> shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> cut = new ArrayList<>();
        for (Subsystem s : subsystems.reversed()) {
            cut.addAll(s.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        }
        supervisor.stop();
        List<CompletableFuture<?>> waiting = new ArrayList<>();
        for (Execution e : node.executions()) {
            if (e instanceof ProcessExecution p && !p.done().isDone()) {
                p.deliver(new Event(Event.CANCEL, null, null, "shutdown"));
                waiting.add(p.done());
            }
        }
        try {
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            for (Execution ex : node.executions()) {
                if (ex.isAlive()) {
                    cut.add(ex.pid() + " (" + ex.entryId() + ")");
                }
                ex.terminate(ErrorObject.of(ErrorObject.CANCELED, "shutdown timeout"));
            }
        }
        subsystems.reversed().forEach(Subsystem::close);
        processHosts.forEach(ProcessHost::stop);
        terminals.values().forEach(TerminalHost::stop);
        return cut;
    }
}
