package dev.wippy.temporal.client;

import dev.wippy.temporal.config.ClientSettings;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code health_check} of {@code temporal.client} entries (spec 05 §2.3): each enabled client's server is asked
 * at its interval; a failed check is logged, and until a check succeeds again new starts and sends through the
 * client fail with UNAVAILABLE.
 */
public final class HealthChecks {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.temporal");

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Thread> checkers = new ConcurrentHashMap<>();

    /** Whether the last check of client {@code clientId} failed. */
    public boolean failing(String clientId) {
        return failing.contains(clientId);
    }

    /** Checks {@code client} every {@code settings.healthCheckInterval()} until {@link #stop}. */
    public void watch(ClientSettings settings, WorkflowClient client) {
        checkers.put(settings.id(), Thread.ofVirtual().name("temporal-health " + settings.id()).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(settings.healthCheckInterval());
                } catch (InterruptedException e) {
                    return;
                }
                check(settings, client);
            }
        }));
    }

    private void check(ClientSettings settings, WorkflowClient client) {
        String problem;
        try {
            HealthCheckResponse r = client.getWorkflowServiceStubs().healthCheck();
            problem = r.getStatus() == HealthCheckResponse.ServingStatus.SERVING ? null : r.getStatus().name();
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        if (problem != null && failing.add(settings.id())) {
            LOG.atError().addKeyValue("client", settings.id()).addKeyValue("address", settings.address())
                    .log("temporal server failed its health check: " + problem);
        } else if (problem == null && failing.remove(settings.id())) {
            LOG.atInfo().addKeyValue("client", settings.id()).log("temporal server healthy again");
        }
    }

    public void stop() {
        checkers.values().forEach(Thread::interrupt);
    }
}
