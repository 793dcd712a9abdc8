/**
 * What observability reads of a running app: a {@link dev.wippy.observability.watch.Watched} view of its node,
 * services, queues, workflow databases and registry, and the function call figures it gathers itself.
 */
package dev.wippy.observability.watch;
