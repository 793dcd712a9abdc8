package dev.wippy.observability.watch;

import dev.wippy.runtime.app.ServiceStatus;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.queue.Queues;
import dev.wippy.runtime.registry.Registry;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What the metrics and the console look at: the node's processes, the supervised services, the queues and workflow
 * databases when the app has them (else null), the registry at its current version, and the function call figures.
 */
public record Watched(Node node, Supplier<Map<String, ServiceStatus>> services, Queues queues,
                      WorkflowDatabases workflows, Supplier<Registry> registry, CallStats calls) {

    /** Only a node (a benchmark or a test without an app): no services, queues, workflows or registry. */
    public static Watched node(Node node) {
        return new Watched(node, Map::of, null, null, () -> new Registry(0, java.util.List.of()), new CallStats());
    }
}
