/**
 * Temporal workflows as processes see them (spec 05 §3): started on a {@code temporal.worker} host, signalled,
 * cancelled, terminated, monitored and linked by PID, all through the Temporal client.
 */
package dev.wippy.temporal.client;
