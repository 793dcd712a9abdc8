/**
 * Metrics recorded by apps and by the runtime (spec 08 §6): the {@code metrics} module, the buffered, lossy
 * collector behind it, and the families it keeps on the Prometheus client's registry that the Prometheus endpoint scrapes.
 */
package dev.wippy.observability.metrics;
