package dev.wippy.http.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per finished request, through the runtime's log like the {@code logger} module's lines. */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("http.access");

    private AccessLog() {
    }

    static void record(Exchange x) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.atInfo().setMessage("request").addKeyValue("method", x.method()).addKeyValue("path", x.rawPath())
                .addKeyValue("status", x.reply().effectiveStatus()).addKeyValue("bytes", x.reply().bytesWritten())
                .addKeyValue("duration_ms", x.elapsedNanos() / 1_000_000.0).addKeyValue("remote", x.remoteAddr())
                .addKeyValue("request_id", x.requestId()).addKeyValue("server", x.serverId()).log();
    }
}
