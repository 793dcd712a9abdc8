/**
 * Observability as a runtime extension: the {@code metrics} and {@code system} modules, the runtime's own metrics,
 * the Prometheus endpoint (spec 08 §6–§7) and the live web console of {@code wippy run --console}.
 */
package dev.wippy.observability;
