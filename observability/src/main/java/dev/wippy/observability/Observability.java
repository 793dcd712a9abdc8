package dev.wippy.observability;

import dev.wippy.observability.console.Console;
import dev.wippy.observability.meters.FunctionMeters;
import dev.wippy.observability.meters.RuntimeMeters;
import dev.wippy.observability.metrics.MetricsCollector;
import dev.wippy.observability.metrics.MetricsModule;
import dev.wippy.observability.prometheus.PrometheusEndpoint;
import dev.wippy.observability.system.SystemFacts;
import dev.wippy.observability.system.SystemModule;
import dev.wippy.observability.watch.CallStats;
import dev.wippy.observability.watch.Watched;
import dev.wippy.observability.watch.WorkflowDatabases;
import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.funcs.CallListener;
import dev.wippy.runtime.queue.Queues;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.workflow.Workflows;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;

import java.time.Duration;
import java.util.List;

/**
 * The running observability of an app: its metrics registry and collector, the runtime meters, the Prometheus
 * endpoint when enabled, and the console when an address was given. Function calls are timed only when something
 * shows them (the interceptor setting or the console): otherwise calls cost nothing extra.
 */
public final class Observability implements Subsystem {
    private final Boot boot;
    private final ObservabilitySettings settings;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsCollector collector;
    private final Watched watched;
    private RuntimeMeters meters;
    private PrometheusEndpoint endpoint;
    private Console console;

    private Observability(Boot boot, ObservabilitySettings settings, Watched watched) {
        this.boot = boot;
        this.settings = settings;
        this.watched = watched;
        this.collector = new MetricsCollector(registry.getPrometheusRegistry(), settings.bufferSize());
    }

    static Observability boot(Boot boot, ObservabilitySettings settings) {
        Workflows workflows = boot.subsystem(Workflows.class);
        Watched watched = new Watched(boot.node(), boot::services, boot.subsystem(Queues.class),
                workflows == null ? null : new WorkflowDatabases(workflows.provider().databases()),
                () -> boot.code().decoded(), new CallStats());
        Observability o = new Observability(boot, settings, watched);
        boot.metrics().install(o.collector);
        boot.module("metrics", MetricsModule.provider(boot.metrics()));
        boot.module("system", SystemModule.provider(new SystemFacts(watched, boot::requestExit,
                () -> boot.code().modules().keySet())));
        if (workflows != null) {
            Histogram steps = Histogram.builder().withoutExemplars().name("wippy_workflow_step_duration_seconds").classicOnly()
                    .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1)
                    .register(o.registry.getPrometheusRegistry());
            workflows.provider().observeSteps(nanos -> steps.observe(nanos / 1e9));
        }
        return o;
    }

    @Override
    public void start() {
        meters = new RuntimeMeters(registry, watched);
        if (settings.prometheus() && !settings.prometheusAddress().isEmpty()) {
            endpoint = PrometheusEndpoint.start(settings.prometheusAddress(), registry, meters::refresh);
        }
        CallListener calls = settings.interceptor() ? new FunctionMeters(registry.getPrometheusRegistry()) : null;
        if (!settings.consoleAddress().isEmpty()) {
            try {
                console = Console.start(settings.consoleAddress(), watched);
            } catch (IllegalArgumentException e) {
                throw new BootException("--console " + settings.consoleAddress() + ": " + e.getMessage());
            }
            CallListener metered = calls;
            calls = metered == null ? watched.calls() : (id, nanos, failed) -> {
                metered.finished(id, nanos, failed);
                watched.calls().finished(id, nanos, failed);
            };
        }
        boot.functions().listen(calls);
    }

    /** The registry the endpoint scrapes (for tests and embedding). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public MetricsCollector collector() {
        return collector;
    }

    /** Brings runtime meters up to date, as a scrape does. */
    public void refresh() {
        if (meters != null) {
            meters.refresh();
        }
    }

    /** The Prometheus endpoint, or null when it is off (or could not listen). */
    public PrometheusEndpoint endpoint() {
        return endpoint;
    }

    /** The console, or null when it is off. */
    public Console console() {
        return console;
    }

    @Override
    public List<String> stop(Duration timeout) {
        if (console != null) {
            console.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        return List.of();
    }

    @Override
    public void close() {
        boot.functions().listen(null);
        collector.close();
        if (meters != null) {
            meters.close();
        }
        if (watched.workflows() != null) {
            watched.workflows().close();
        }
    }
}
