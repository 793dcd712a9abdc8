/** The Prometheus endpoint of {@code .wippy.yaml} (spec 08 §6.3): {@code /metrics} and {@code /livez}. */
package dev.wippy.observability.prometheus;
