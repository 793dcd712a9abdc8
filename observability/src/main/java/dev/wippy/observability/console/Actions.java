package dev.wippy.observability.console;

import dev.wippy.observability.watch.Watched;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.workflow.embedded.WorkflowAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the console may change: terminate a process; signal, cancel or terminate a workflow. Each needs the run's
 * token (made at start-up and printed, so that a page of another local user cannot act) and each attempt is logged
 * with its outcome, refused ones too.
 */
final class Actions {
    private static final Logger LOG = LoggerFactory.getLogger("wippy.console");

    private final Watched watched;
    private final String token;

    /** The outcome of an action: an HTTP status and a message for the page. */
    record Outcome(int status, String message) {}

    Actions(Watched watched) {
        this.watched = watched;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    String token() {
        return token;
    }

    /** Whether {@code given} is the token, compared in constant time. */
    boolean authorized(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    Outcome refuse(String action, String target, String remote) {
        return logged(action, target, remote, new Outcome(403, "a valid console token is needed for actions"));
    }

    Outcome terminateProcess(String pid, String remote) {
        Execution e = watched.node().find(pid);
        Outcome o;
        if (e == null) {
            o = new Outcome(404, "no live process " + pid);
        } else {
            e.terminate(ErrorObject.of(ErrorObject.CANCELED, "terminated from the console", false, null));
            o = new Outcome(200, "terminated " + pid);
        }
        return logged("terminate process", pid, remote, o);
    }

    /** {@code action} is signal, cancel or terminate; a signal has a topic and a JSON-like payload. */
    Outcome workflow(String id, String action, String topic, Object payload, String remote) {
        WorkflowAdmin admin = watched.workflows() == null ? null : watched.workflows().holding(id);
        Outcome o;
        if (admin == null) {
            o = new Outcome(404, "no workflow " + id);
        } else {
            try {
                switch (action) {
                    case "signal" -> {
                        if (topic == null || topic.isEmpty()) {
                            return logged("signal workflow", id, remote, new Outcome(400, "a signal needs a topic"));
                        }
                        admin.signal(id, topic, Frozen.fromJava(payload));
                    }
                    case "cancel" -> admin.cancel(id, "canceled from the console");
                    case "terminate" -> admin.terminate(id, "terminated from the console");
                    default -> {
                        return logged(action + " workflow", id, remote, new Outcome(404, "no action " + action));
                    }
                }
                o = new Outcome(200, action + " requested for " + id);
            } catch (RuntimeException e) {
                o = new Outcome(409, e.getCause() instanceof WorkflowAdmin.NotRunning nr ? nr.getMessage()
                        : String.valueOf(e.getMessage()));
            }
        }
        return logged(action + " workflow", id, remote, o);
    }

    private static Outcome logged(String action, String target, String remote, Outcome o) {
        LOG.atInfo().setMessage("console action").addKeyValue("action", action).addKeyValue("target", target)
                .addKeyValue("remote", remote).addKeyValue("status", o.status()).addKeyValue("result", o.message())
                .log();
        return o;
    }

    static Map<String, Object> json(Outcome o) {
        return Map.of("status", o.status(), "message", o.message());
    }
}
