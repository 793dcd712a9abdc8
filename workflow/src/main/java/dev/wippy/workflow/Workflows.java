package dev.wippy.workflow;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.ProcessHost;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Values;
import dev.wippy.workflow.embedded.ActivityInvoker;
import dev.wippy.workflow.embedded.EmbeddedProvider;
import dev.wippy.workflow.embedded.WorkerSettings;
import dev.wippy.workflow.embedded.WorkflowClock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflow subsystem of an app: the embedded provider behind its {@code workflow.worker} entries, the
 * sandbox workflow code runs in (only workflow-safe modules, spec 05 §4.6), and the host on which
 * {@code process.lua} activities run.
 */
public final class Workflows implements Subsystem {
    /** Modules workflow code may require (spec 05 §4.6); the others are refused with "not available in workflows". */
    static final Set<String> SAFE_MODULES = Set.of("workflow", "funcs", "time", "uuid", "crypto", "hash", "ctx",
            "logger", "json", "yaml", "base64", "compress", "text", "html", "expr", "treesitter", "contract",
            "process", "channel", "errors", "payload");
    private static final String ACTIVITY_HOST = "wippy.workflow:activities";

    private final Boot boot;
    private final EmbeddedProvider provider;
    private ProcessHost activityHost;
    private Sandbox sandbox;

    Workflows(Boot boot, List<WorkerSettings> workers) {
        this.boot = boot;
        Object clock = boot.config().setting("workflow.clock");
        Object replay = boot.config().setting("workflow.replay");
        boolean replayAlways = "always".equals(replay) || "always".equals(System.getProperty("wippy.workflow.replay"));
        this.provider = EmbeddedProvider.open(workers, "manual".equals(clock) ? new WorkflowClock.Manual(Instant.now())
                : WorkflowClock.system(), replayAlways);
    }

    /** The provider clock (a {@link WorkflowClock.Manual} when {@code workflow.clock: manual}, for tests). */
    public WorkflowClock clock() {
        return provider.clock();
    }

    public EmbeddedProvider provider() {
        return provider;
    }

    /** The sandbox workflow code runs in, for every provider (set once the subsystem has started). */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** How any provider starts activity attempts: the app's functions and processes (spec 05 §5.2). */
    public ActivityInvoker activities() {
        return new Invoker();
    }

    @Override
    public void start() {
        Map<String, ModuleProvider> safe = new HashMap<>();
        boot.code().modules().forEach((name, m) -> {
            if (SAFE_MODULES.contains(name)) {
                safe.put(name, m);
            }
        });
        sandbox = boot.code().sandbox().restrictedTo(safe, "in workflows");
        activityHost = new ProcessHost(ACTIVITY_HOST, Runtime.getRuntime().availableProcessors());
        boot.node().addHost(activityHost);
        activityHost.start();
        provider.start(boot.node(), boot.code(), sandbox, new Invoker());
    }

    @Override
    public List<String> stop(Duration timeout) {
        return provider.stop(timeout);
    }

    @Override
    public void close() {
        provider.close();
        if (activityHost != null) {
            activityHost.stop();
        }
    }

    /** Activity attempts: a function invocation, or a process spawned on the activity host (spec 05 §5.2). */
    private final class Invoker implements ActivityInvoker {
        @Override
        public ActivityInvoker.Attempt start(String entryId, Object[] frozenArgs, Map<String, Object> context) {
            Entry e = boot.code().decoded().get(entryId);
            if (e != null && e.kind().equals("function.lua")) {
                var call = boot.functions().attempt(entryId, frozenArgs, context);
                return new ActivityInvoker.Attempt(call.outcome(), call::cancel);
            }
            if (e != null && e.kind().equals("process.lua")) {
                ProcessExecution p = boot.node().spawn(null, entryId, ACTIVITY_HOST, frozenArgs,
                        SpawnOptions.NONE.withContext(context));
                return new ActivityInvoker.Attempt(p.done(), () -> p.terminate(ErrorObject.of(ErrorObject.CANCELED,
                        "activity canceled", false, null)));
            }
            throw new IllegalArgumentException("no function or process entry " + entryId);
        }

        @Override
        public String boundWorker(String entryId) {
            Entry e = boot.code().decoded().get(entryId);
            Object bound = e == null ? null : Values.at(e.meta(), "temporal.activity.worker");
            return bound == null ? null : EntryId.resolve(bound.toString(), e.namespace());
        }
    }
}
