package dev.wippy.http.relay;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.time.DurationValue;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger("wippy.http");
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

    /** Monitors {@code target} and sends it {@code topic} (the join); false when it is not alive. */
    boolean join(String target, String topic, LuaTable payload) {
        try {
            node.monitor(this, target);
        } catch (SpawnException e) {
            return false;
        }
        send(target, topic, payload);
        return true;
    }

    /** Stops monitoring {@code target} and sends it {@code topic} (the leave). */
    void leave(String target, String topic, LuaTable payload) {
        try {
            node.unmonitor(this, target);
        } catch (SpawnException ignored) {
            // the target is gone already
        }
        send(target, topic, payload);
    }

    /** Sends a message from this pseudo-process; a target that is gone is only logged. */
    void send(String target, String topic, Object payload) {
        try {
            node.send(pid, target, topic, new Payload(Frozen.freeze(payload)));
        } catch (SpawnException e) {
            LOG.atDebug().setMessage("relay " + pid + " could not reach " + target).log();
        }
    }

    /** What joins, leaves and heartbeats carry: {@code client_pid}, and {@code metadata} unless left out. */
    LuaTable membership(LuaTable metadata) {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("client_pid"), LuaString.of(pid));
        if (metadata != null) {
            t.putStr(LuaString.of("metadata"), metadata);
        }
        return t;
    }

    /** A heartbeat payload: membership, uptime as a duration text, and the client's messages so far. */
    LuaTable heartbeat(LuaTable metadata, long uptimeNanos, long messages) {
        LuaTable t = membership(metadata);
        t.putStr(LuaString.of("uptime"), LuaString.of(new DurationValue(uptimeNanos).toString()));
        t.putStr(LuaString.of("message_count"), messages);
        return t;
    }

    /** Ends the pseudo-process: monitors get its exit with {@code result}. */
    void end(String result) {
        exit(new ExitResult(LuaString.of(result), null));
    }
}
