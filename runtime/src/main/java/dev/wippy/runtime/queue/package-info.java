/**
 * Queues (spec 04): drivers (the backends that store and deliver messages, behind {@link
 * dev.wippy.runtime.queue.Driver}; the in-memory one here), {@code queue.queue} declarations with their codec and
 * dead-letter policy, {@code queue.consumer} entries whose worker pool runs a handler function on every delivery
 * within the prefetch window, and the {@code queue} module. Consumers only reach backends through the driver
 * interfaces and handlers only through {@link dev.wippy.runtime.funcs.Functions}, so a new backend is a new driver
 * class and nothing else.
 */
package dev.wippy.runtime.queue;
