package dev.wippy.runtime.app;

import java.time.Instant;
import java.util.List;

/**
 * What is known of a service: its state, its restart counter, when it last entered {@code running}, when each
 * start attempt began (for observing backoff), and the last error text.
 */
public record ServiceStatus(ServiceState state, int retries, Instant lastRunning, List<Instant> starts,
                            String lastError) {}
