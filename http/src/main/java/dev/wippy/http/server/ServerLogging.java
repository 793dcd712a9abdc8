package dev.wippy.http.server;

import io.helidon.logging.common.spi.LoggingProvider;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helidon's logging set-up, also found by Helidon through {@link java.util.ServiceLoader}: its {@code java.util.logging}
 * records go to the runtime's SLF4J log instead of the JDK console handler, warnings and worse only.
 */
public final class ServerLogging implements LoggingProvider {
    /** Held so that the configured logger is not collected with its settings. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");

    @Override
    public void initialization() {
        install();
    }

    @Override
    public void runTime() {
        install();
    }

    /** Idempotent; the server calls it before it starts, whether Helidon asked for its provider or not. */
    static synchronized void install() {
        if (HELIDON.getUseParentHandlers()) {
            HELIDON.setUseParentHandlers(false);
            HELIDON.setLevel(Level.WARNING);
            HELIDON.addHandler(new SLF4JBridgeHandler());
        }
    }
}
