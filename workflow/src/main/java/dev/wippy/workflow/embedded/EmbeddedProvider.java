package dev.wippy.workflow.embedded;

import dev.wippy.runtime.ext.AppCode;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.registry.BootException;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The embedded provider of an app: one engine per database file (workers naming the same file share it), the
 * PID space through which processes reach their workflows, and the poller that applies operator requests.
 */
public final class EmbeddedProvider {
    private static final long POLL_MILLIS = 200;

    private final Map<Path, Store> stores;
    private final Map<Path, Map<String, WorkerSettings>> workersByStore;
    private final WorkflowClock clock;
    private final boolean replayAlways;
    private final List<Engine> engines = new ArrayList<>();
    private EmbeddedSpace space;
    private Thread poller;
    private volatile boolean polling;
    private volatile LongConsumer stepObserver;

    private EmbeddedProvider(Map<Path, Store> stores, Map<Path, Map<String, WorkerSettings>> workersByStore,
                             WorkflowClock clock, boolean replayAlways) {
        this.stores = stores;
        this.workersByStore = workersByStore;
        this.clock = clock;
        this.replayAlways = replayAlways;
    }

    /**
     * Opens the databases of {@code workers}.
     *
     * @throws BootException naming the worker entry whose database cannot be used
     */
    public static EmbeddedProvider open(List<WorkerSettings> workers, WorkflowClock clock, boolean replayAlways) {
        Map<Path, Store> stores = new LinkedHashMap<>();
        Map<Path, Map<String, WorkerSettings>> byStore = new LinkedHashMap<>();
        for (WorkerSettings w : workers) {
            byStore.computeIfAbsent(w.database(), p -> new LinkedHashMap<>()).put(w.id(), w);
            if (!stores.containsKey(w.database())) {
                try {
                    stores.put(w.database(), Store.open(w.database(), w.durability()));
                } catch (Store.StoreException e) {
                    stores.values().forEach(Store::close);
                    throw BootException.at(w.entry(), e.getMessage());
                }
            }
        }
        return new EmbeddedProvider(stores, byStore, clock, replayAlways);
    }

    public WorkflowClock clock() {
        return clock;
    }

    /** Recovers every database and starts running workflows and activities. */
    public void start(Node node, AppCode code, Sandbox sandbox, ActivityInvoker invoker) {
        stores.forEach((path, store) -> engines.add(new Engine(store, clock, node, code, sandbox,
                workersByStore.get(path), replayAlways, invoker)));
        engines.forEach(e -> e.stepObserver = stepObserver);
        space = new EmbeddedSpace(engines, code);
        node.addExternal(space);
        engines.forEach(e -> {
            Recovery.recover(e);
            OperatorRequests.apply(e);
        });
        code.onChange(ids -> engines.forEach(e -> e.codeChanged(ids)));
        space.running(true);
        polling = true;
        poller = Thread.ofPlatform().daemon().name("workflow-requests").start(() -> {
            while (polling) {
                try {
                    Thread.sleep(POLL_MILLIS);
                    engines.forEach(OperatorRequests::apply);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    Engine.LOG.warn("reading operator requests: {}", e.getMessage());
                }
            }
        });
    }

    /** Stops taking work; workflows stay as they are (spec 05 §2.5, G12). */
    public List<String> stop(Duration timeout) {
        polling = false;
        if (poller != null) {
            poller.interrupt();
        }
        if (space != null) {
            space.running(false);
        }
        List<String> cut = new ArrayList<>();
        engines.forEach(e -> cut.addAll(e.stop(timeout)));
        return cut;
    }

    public void close() {
        stores.values().forEach(Store::close);
    }

    /** The step durations (nanoseconds, from taking inputs to commit) since the last call, over all databases. */
    public Histogram stepLatencies() {
        Histogram all = new Histogram(3);
        engines.forEach(e -> all.add(e.stepTimes.getIntervalHistogram()));
        return all;
    }

    /** Tells {@code observer} the duration (nanoseconds) of every step from now on, beside {@link #stepLatencies}. */
    public void observeSteps(LongConsumer observer) {
        stepObserver = observer;
        engines.forEach(e -> e.stepObserver = observer);
    }

    /** The workflow database files, one per distinct {@code database} of the workers. */
    public List<Path> databases() {
        return List.copyOf(stores.keySet());
    }

    /** Open executions of every database, for tests and tools: workflow ID to status text. */
    public Map<String, String> openWorkflows() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Engine e : engines) {
            e.openRuns().forEach(r -> out.put(r.workflowId, r.blocked != null ? "blocked: " + r.blocked : "running"));
        }
        return out;
    }
}
