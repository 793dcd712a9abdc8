/**
 * The provider-neutral workflow core: a run's Lua state on a deterministic scheduler, the host slots through which
 * its operations become requests to an {@link dev.wippy.workflow.core.Operations} (the one interface a provider
 * implements per run), the {@code workflow} module, the durable value encoding, option parsing, and the
 * history-based operations that record commands, replay them and detect non-determinism. It must not know how or
 * where history is stored.
 */
package dev.wippy.workflow.core;
