/**
 * Processes (spec 02): the node with its hosts and live executions, PIDs, spawning, messages and events,
 * monitors, links, the name registry and the {@code process} global. Code to run comes from a
 * {@link dev.wippy.runtime.process.CodeResolver}; this package does not read the registry itself.
 */
package dev.wippy.runtime.process;
