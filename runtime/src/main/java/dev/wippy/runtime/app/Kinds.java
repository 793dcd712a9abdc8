package dev.wippy.runtime.app;

import java.util.Set;

/** The entry kinds the core knows: the ones it runs and the ones it keeps as data (extensions add their own). */
final class Kinds {
    static final String PROCESS_LUA = "process.lua";
    static final String FUNCTION_LUA = "function.lua";
    static final String LIBRARY_LUA = "library.lua";
    static final String MODULE_LUA = "module.lua";
    static final String WORKFLOW_LUA = "workflow.lua";
    static final String PROCESS_HOST = "process.host";
    static final String TERMINAL_HOST = "terminal.host";
    static final String PROCESS_SERVICE = "process.service";
    static final String REGISTRY_ENTRY = "registry.entry";

    static final Set<String> LUA = Set.of(PROCESS_LUA, FUNCTION_LUA, LIBRARY_LUA, MODULE_LUA, WORKFLOW_LUA);
    static final Set<String> LIBRARIES = Set.of(LIBRARY_LUA, MODULE_LUA);

    /**
     * Kinds whose data is decoded with {@code ${env:...}} placeholders resolved (spec 01 §3). Not
     * {@code registry.entry}, which has no handler.
     */
    static final Set<String> DECODED = Set.of(PROCESS_LUA, FUNCTION_LUA, LIBRARY_LUA, MODULE_LUA, PROCESS_HOST,
            TERMINAL_HOST, PROCESS_SERVICE);

    /** Kinds with a handler in the core. */
    static final Set<String> RUN = Set.of(PROCESS_LUA, FUNCTION_LUA, LIBRARY_LUA, MODULE_LUA, PROCESS_HOST,
            TERMINAL_HOST, PROCESS_SERVICE, REGISTRY_ENTRY);

    /** Kinds of the specification that this runtime loads but does not run yet. */
    static final Set<String> NOT_YET = Set.of(WORKFLOW_LUA, "temporal.client", "temporal.worker", "ns.definition",
            "ns.requirement", "ns.dependency");

    private Kinds() {
    }
}
