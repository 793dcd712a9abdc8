package dev.wippy.runtime.events;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.TestNode;

import java.util.Map;

/**
 * A node whose processes ({@code app:NAME}, main function {@code main}, on host {@code app:processes}) may require
 * {@code events}, with the bus in reach of the test.
 */
final class BusNode {
    final EventBus bus = new EventBus();
    private final TestNode processes = new TestNode(2, Map.of("events", EventsModule.provider(bus)));

    BusNode process(String name, String source) {
        processes.entry("app:" + name, source);
        return this;
    }

    /** Runs {@code app:NAME} to its end; its result must be a string. */
    String run(String name) throws Exception {
        ExitResult r = processes.run("app:" + name);
        if (r.error() != null) {
            throw new AssertionError("process failed: " + r.error().fullText());
        }
        return ((LuaString) r.value()).toString();
    }
}
