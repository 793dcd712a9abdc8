package dev.wippy.runtime.app;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.values.Frozen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps {@code process.service} entries running (spec 03 §3.5): starts them in dependency order, restarts a
 * failed run after an exponential, jittered delay (the counter resets after a run of at least
 * {@code stable_threshold}), leaves a service that returned, was terminated or failed with a non-retryable error
 * alone, gives up after {@code max_attempts}, and stops them in reverse order: CANCEL, then termination after
 * {@code stop_timeout}.
 */
final class ServiceSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.supervisor");

    private final Node node;
    private final Map<String, Service> services = new LinkedHashMap<>();

    ServiceSupervisor(Node node) {
        this.node = node;
    }

    /** Starts the services in the given (dependency) order; a required one that cannot start fails the boot. */
    void start(List<Entry> ordered) {
        for (Entry e : ordered) {
            Service s = new Service(e);
            synchronized (services) {
                services.put(e.id(), s);
            }
            s.start();
            ServiceStatus status = s.status();
            if (s.lifecycle.required() && status.state() == ServiceState.EXITED && status.lastRunning() == null) {
                throw BootException.at(e, "service could not start: " + status.lastError());
            }
        }
    }

    /** Stops every service, dependents first. */
    void stop() {
        List<Service> all;
        synchronized (services) {
            all = new ArrayList<>(services.values());
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).stop();
        }
    }

    /** May be called from any thread, also while services start. */
    Map<String, ServiceStatus> statuses() {
        List<Service> all;
        synchronized (services) {
            all = new ArrayList<>(services.values());
        }
        Map<String, ServiceStatus> out = new LinkedHashMap<>();
        all.forEach(s -> out.put(s.entry.id(), s.status()));
        return out;
    }

    /** One supervised service. Its fields are guarded by its own monitor. */
    private final class Service {
        final Entry entry;
        final Lifecycle lifecycle;
        final String process;
        final String host;
        final Object[] input;
        private ServiceState state = ServiceState.UNKNOWN;
        private int retries;
        private Instant lastRunning;
        private final List<Instant> starts = new ArrayList<>();
        private String lastError;
        private boolean wanted;
        private ProcessExecution current;
        private ScheduledFuture<?> pendingRestart;

        Service(Entry entry) {
            this.entry = entry;
            this.lifecycle = Lifecycle.of(entry);
            this.process = entry.reference("process");
            this.host = entry.reference("host");
            this.input = entry.field("input") instanceof List<?> l
                    ? Frozen.freezeAll(l.stream().map(YamlValues::toLua).toArray()) : new Object[0];
        }

        synchronized ServiceStatus status() {
            Instant next = pendingRestart == null || pendingRestart.isDone() ? null
                    : Instant.now().plusNanos(pendingRestart.getDelay(TimeUnit.NANOSECONDS));
            return new ServiceStatus(state, retries, lastRunning, List.copyOf(starts), lastError,
                    current == null ? null : current.pid(), next);
        }

        synchronized void start() {
            wanted = true;
            attempt();
        }

        private synchronized void attempt() {
            pendingRestart = null;
            if (!wanted) {
                return;
            }
            state = ServiceState.STARTING;
            starts.add(Instant.now());
            ProcessExecution p;
            try {
                p = node.spawn(null, process, host, input, SpawnOptions.NONE);
            } catch (SpawnException e) {
                failed(ErrorObject.of(e.kind(), e.getMessage()));
                return;
            }
            current = p;
            state = ServiceState.RUNNING;
            lastRunning = Instant.now();
            long startedAt = System.nanoTime();
            p.done().thenAccept(r -> ended(p, r, System.nanoTime() - startedAt));
        }

        private synchronized void ended(ProcessExecution p, ExitResult r, long upNanos) {
            if (p != current || !wanted) {
                return;
            }
            current = null;
            if (!r.isAbnormal()) {
                state = ServiceState.EXITED;
                LOG.atInfo().setMessage("service finished").addKeyValue("service", entry.id()).log();
                return;
            }
            if (upNanos >= lifecycle.stableThreshold().toNanos()) {
                retries = 0;
            }
            failed(r.error());
        }

        /** A run or start attempt failed: restart it unless the error is terminal or attempts are used up. */
        private void failed(ErrorObject error) {
            lastError = error.fullText();
            if (Boolean.FALSE.equals(error.retryable()) || error.kind().equals(ErrorObject.CANCELED)) {
                state = ServiceState.EXITED;
                LOG.atWarn().setMessage("service ended with a terminal error").addKeyValue("service", entry.id())
                        .addKeyValue("error", lastError).log();
                return;
            }
            state = ServiceState.FAILED;
            retries++;
            if (lifecycle.maxAttempts() > 0 && retries >= lifecycle.maxAttempts()) {
                LOG.atError().setMessage("service gave up after " + retries + " attempts")
                        .addKeyValue("service", entry.id()).addKeyValue("error", lastError).log();
                return;
            }
            Duration delay = lifecycle.restart().jittered(retries);
            LOG.atWarn().setMessage("service failed, restarting").addKeyValue("service", entry.id())
                    .addKeyValue("error", lastError).addKeyValue("attempt", retries + 1)
                    .addKeyValue("delay", delay.toMillis() + "ms").log();
            pendingRestart = node.timers().schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        void stop() {
            ProcessExecution p;
            synchronized (this) {
                wanted = false;
                if (pendingRestart != null) {
                    pendingRestart.cancel(false);
                }
                p = current;
                if (p == null || p.done().isDone()) {
                    return;
                }
                state = ServiceState.STOPPING;
            }
            p.deliver(new Event(Event.CANCEL, null, null, "service stopping"));
            ServiceState end = ServiceState.STOPPED;
            try {
                p.done().get(lifecycle.stopTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.atWarn().setMessage("service did not stop in time; terminating").addKeyValue("service",
                        entry.id()).log();
                p.terminate(ErrorObject.of(ErrorObject.CANCELED, "stop timeout after " + lifecycle.stopTimeout()));
                end = ServiceState.FAILED;
            } catch (Exception e) {
                p.terminate(ErrorObject.of(ErrorObject.CANCELED, "service stopping"));
            }
            synchronized (this) {
                state = end;
                current = null;
            }
        }
    }
}
