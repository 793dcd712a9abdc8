/**
 * The seam between what records metrics and what exports them: a {@link dev.wippy.runtime.metrics.Collector}
 * installed in the app's {@link dev.wippy.runtime.metrics.CollectorSlot} by an extension (the observability
 * module), so that the core and the other modules record without depending on a metrics library.
 */
package dev.wippy.runtime.metrics;
