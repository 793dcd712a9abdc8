/**
 * Channels between the fibers of one execution ({@code channel.new}, send/receive/close, {@code select}) and the
 * runtime-fed channels (inbox, events, timers, futures). Channels never cross executions.
 */
package dev.wippy.runtime.channel;
