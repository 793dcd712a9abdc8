package dev.wippy.workflow;

import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.Values;
import dev.wippy.workflow.core.WorkflowKinds;
import dev.wippy.workflow.core.WorkflowModule;
import dev.wippy.workflow.embedded.WorkerSettings;

import java.util.List;
import java.util.Set;

/**
 * Workflows as a runtime extension: runs {@code workflow.lua} entries on the embedded provider's
 * {@code workflow.worker} entries, provides the {@code workflow} module, and checks bindings and module lists at
 * boot (spec 05 §2.2, §4.6).
 */
public final class WorkflowExtension implements Extension {
    private static final Set<String> WORKERS = Set.of(WorkerSettings.KIND, "temporal.worker");

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(WorkflowKinds.WORKFLOW_LUA, false), new Kind(WorkerSettings.KIND, true));
    }

    @Override
    public int order() {
        return WORKFLOWS;
    }

    @Override
    public Subsystem boot(Boot boot) {
        Registry decoded = boot.decoded();
        List<WorkerSettings> workers = decoded.ofKind(WorkerSettings.KIND).stream()
                .map(e -> WorkerSettings.of(e, boot.root(), boot::warn)).toList();
        for (Entry e : decoded.ofKind(WorkflowKinds.WORKFLOW_LUA)) {
            checkBinding(boot, decoded, e, "temporal.workflow.worker");
            for (String m : e.strings("modules")) {
                if (!Workflows.SAFE_MODULES.contains(m)) {
                    boot.warn(e.describe() + " lists module '" + m + "', which is not available in workflows"
                            + " (use it in an activity)");
                }
            }
        }
        for (Entry e : decoded.all()) {
            if (e.kind().equals("function.lua") || e.kind().equals("process.lua")) {
                checkBinding(boot, decoded, e, "temporal.activity.worker");
            }
        }
        boot.module("workflow", WorkflowModule.PROVIDER);
        return new Workflows(boot, workers);
    }

    /** A binding naming an entry that is not a worker is a load warning (spec 05 §2.2). */
    private static void checkBinding(Boot boot, Registry decoded, Entry e, String key) {
        Object bound = Values.at(e.meta(), key);
        if (bound == null) {
            return;
        }
        String id = EntryId.resolve(bound.toString(), e.namespace());
        Entry target = decoded.get(id);
        if (target == null || !WORKERS.contains(target.kind())) {
            boot.warn(e.describe() + ": meta." + key + " names " + id + ", " + (target == null
                    ? "which does not exist" : "a " + target.kind() + ", not a workflow worker")
                    + "; the binding is ignored");
        }
    }
}
