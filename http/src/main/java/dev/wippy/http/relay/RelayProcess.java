package dev.wippy.http.relay;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.sched.Scheduler;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The pseudo-process of one relayed connection: a PID whose host is the {@code http.service}, reachable with
 * {@code process.send}, monitorable and linkable like a process. It runs no Lua: what is delivered to it (messages,
 * exit events of the processes it monitors) waits in a queue that the connection's thread works through.
 */
final class RelayProcess extends Execution {
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    RelayProcess(Node node, String serviceId) {
        super(node, node.pids().allocate(serviceId), serviceId, new Scheduler(null), Map.of());
        node.register(this);
    }

    @Override
    public boolean deliver(Object item) {
        if (!isAlive()) {
            return false;
        }
        queue.add(item);
        return true;
    }

    /** The next delivered message or event, or null when none came within {@code nanos}. */
    Object next(long nanos) throws InterruptedException {
        return queue.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Ends the pseudo-process: monitors get its exit with {@code result}. */
    void end(String result) {
        exit(new ExitResult(LuaString.of(result), null));
    }
}
