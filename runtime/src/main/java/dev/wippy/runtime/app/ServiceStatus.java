package dev.wippy.runtime.app;

import java.time.Instant;
import java.util.List;

/**
 * What is known of a service: its state, its restart counter, when it last entered {@code running}, when each
 * start attempt began (for observing backoff), the last error text, the PID of its current process (null when none
 * runs) and when a pending restart is due (null when none is).
 */
public record ServiceStatus(ServiceState state, int retries, Instant lastRunning, List<Instant> starts,
                            String lastError, String pid, Instant nextStart) {}
