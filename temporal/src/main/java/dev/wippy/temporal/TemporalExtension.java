package dev.wippy.temporal;

import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.temporal.config.ClientSettings;
import dev.wippy.temporal.config.Topology;
import dev.wippy.temporal.config.WorkerSettings;
import dev.wippy.workflow.Workflows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflows on Temporal as a runtime extension: reads the {@code temporal.client} and {@code temporal.worker}
 * entries at boot (a worker whose client is missing is a boot error naming it) and boots after the workflow
 * module, whose sandbox and activity invocations the Temporal workers use.
 */
public final class TemporalExtension implements Extension {
    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(ClientSettings.KIND, true), new Kind(WorkerSettings.KIND, true));
    }

    @Override
    public int order() {
        return WORKFLOWS + 10;
    }

    @Override
    public Subsystem boot(Boot boot) {
        Registry decoded = boot.decoded();
        Map<String, ClientSettings> clients = new LinkedHashMap<>();
        for (Entry e : decoded.ofKind(ClientSettings.KIND)) {
            clients.put(e.id(), ClientSettings.of(e, boot.root()));
        }
        Map<String, WorkerSettings> workers = new LinkedHashMap<>();
        for (Entry e : decoded.ofKind(WorkerSettings.KIND)) {
            workers.put(e.id(), WorkerSettings.of(e, clients));
        }
        Topology topology = new Topology(clients, workers, () -> boot.code().decoded());
        return new Temporal(boot, topology, boot.subsystem(Workflows.class));
    }
}
