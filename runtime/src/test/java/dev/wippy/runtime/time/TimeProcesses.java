package dev.wippy.runtime.time;

import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.TestNode;

import java.util.Map;

/** A node with one process host running Lua entries, given as source text, that list {@code time} in modules. */
final class TimeProcesses {
    private final TestNode processes = new TestNode(2, Map.of("time", TimeModule.PROVIDER));
    final Node node = processes.node;

    /** Adds {@code app:<name>} whose chunk is {@code body} wrapped in {@code main}, with {@code time} required. */
    TimeProcesses entry(String name, String body) {
        processes.entry("app:" + name, "local time = require('time')\nlocal function main(...)\n" + body
                + "\nend\nreturn { main = main }");
        return this;
    }

    ProcessExecution spawn(String name) {
        return processes.spawn("app:" + name);
    }

    /** Runs {@code app:<name>} to its end; fails the test if it takes more than 20 s. */
    ExitResult run(String name) throws Exception {
        return processes.run("app:" + name);
    }
}
