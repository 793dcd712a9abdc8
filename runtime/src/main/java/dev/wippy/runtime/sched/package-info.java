/**
 * Scheduling: the fibers of one execution (main function and {@code coroutine.spawn}) handing a baton in a
 * deterministic order, the worker slots of a host, preemption checkpoints, and the carrier threads that run all
 * virtual threads. It knows nothing of messages, Lua modules or the registry.
 */
package dev.wippy.runtime.sched;
