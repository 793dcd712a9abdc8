package dev.wippy.temporal.run;

import dev.wippy.runtime.ext.AppCode;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.Node;
import dev.wippy.temporal.config.Topology;
import dev.wippy.temporal.config.WorkerSettings;
import dev.wippy.workflow.embedded.ActivityInvoker;

import java.util.function.Supplier;

/**
 * What the workflows and activities of one {@code temporal.worker} run with: the node and the app's code, the
 * workflow sandbox (built when the workflow module starts), how activity attempts start, and the app's topology.
 */
public record WorkerEnvironment(Node node, AppCode code, Supplier<Sandbox> sandbox, ActivityInvoker activities,
                                Topology topology, WorkerSettings worker) {
}
