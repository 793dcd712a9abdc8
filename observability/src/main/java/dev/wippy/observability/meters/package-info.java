/** The runtime's own metrics on the Micrometer registry: processes, services, queues, workflows, functions, JVM. */
package dev.wippy.observability.meters;
