package dev.wippy.runtime.app;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Event;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.values.Frozen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps {@code process.service} entries running: starts them in dependency order, restarts a crashed one with
 * exponential backoff and jitter (the attempt counter resets once it stayed up for {@code stable_threshold}),
 * leaves one that returned cleanly alone, and stops them in reverse order with CANCEL then termination.
 */
final class ServiceSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.supervisor");

    private final Node node;
    private final List<Service> started = new ArrayList<>();
    private volatile boolean stopping;

    ServiceSupervisor(Node node) {
        this.node = node;
    }

    /** One supervised service and its current process. */
    private final class Service {
        final Entry entry;
        final Lifecycle lifecycle;
        final String process;
        final String host;
        final Object[] input;
        volatile ProcessExecution current;
        int attempts;

        Service(Entry entry) {
            this.entry = entry;
            this.lifecycle = Lifecycle.of(entry);
            this.process = entry.reference("process");
            this.host = entry.reference("host");
            this.input = entry.field("input") instanceof List<?> l ? Frozen.freezeAll(javaToLua(l)) : new Object[0];
        }

        void spawn() {
            if (stopping) {
                return;
            }
            long startedAt = System.nanoTime();
            try {
                current = node.spawn(null, process, host, input, SpawnOptions.NONE);
            } catch (SpawnException e) {
                LOG.atError().setMessage("service failed to start").addKeyValue("service", entry.id())
                        .addKeyValue("error", e.getMessage()).log();
                scheduleRestart(ErrorObject.of(e.kind(), e.getMessage()));
                return;
            }
            current.done().thenAccept(result -> exited(result, System.nanoTime() - startedAt));
        }

        private void exited(ExitResult result, long upNanos) {
            if (stopping) {
                return;
            }
            if (!result.isAbnormal()) {
                LOG.atInfo().setMessage("service finished").addKeyValue("service", entry.id()).log();
                return;
            }
            if (upNanos >= lifecycle.stableThreshold().toNanos()) {
                attempts = 0;
            }
            scheduleRestart(result.error());
        }

        private void scheduleRestart(ErrorObject error) {
            attempts++;
            if (lifecycle.maxAttempts() > 0 && attempts > lifecycle.maxAttempts()) {
                LOG.atError().setMessage("service gave up after " + lifecycle.maxAttempts() + " restarts")
                        .addKeyValue("service", entry.id()).addKeyValue("error", String.valueOf(error)).log();
                return;
            }
            Duration delay = jittered(lifecycle.backoff(attempts));
            LOG.atWarn().setMessage("service crashed, restarting").addKeyValue("service", entry.id())
                    .addKeyValue("error", String.valueOf(error)).addKeyValue("attempt", attempts)
                    .addKeyValue("delay", delay.toMillis() + "ms").log();
            node.timers().schedule(this::spawn, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        private Duration jittered(Duration d) {
            double j = lifecycle.jitter();
            double factor = j <= 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-j, j);
            return Duration.ofNanos((long) (d.toNanos() * factor));
        }

        void stop() {
            ProcessExecution p = current;
            if (p == null || p.done().isDone()) {
                return;
            }
            p.deliver(new Event(Event.CANCEL, null, null, "shutdown"));
            try {
                p.done().get(lifecycle.stopTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.atWarn().setMessage("service did not stop in time; terminating").addKeyValue("service",
                        entry.id()).log();
                p.terminate(ErrorObject.of(ErrorObject.CANCELED, "stop timeout"));
            } catch (Exception e) {
                p.terminate(ErrorObject.of(ErrorObject.CANCELED, "shutdown"));
            }
        }
    }

    private static Object[] javaToLua(List<?> values) {
        return values.stream().map(YamlValues::toLua).toArray();
    }

    /** Starts the auto-start services, in the given (dependency) order. */
    void start(List<Entry> services) {
        for (Entry e : services) {
            Service s = new Service(e);
            started.add(s);
            s.spawn();
        }
    }

    /** Stops every service, dependents first. */
    void stop() {
        stopping = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }
}
