package dev.wippy.cli;

import ch.qos.logback.classic.Level;
import dev.wippy.runtime.config.RuntimeConfig;
import io.temporal.testserver.TestServer;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code wippy temporal dev [--port 7233]}: Temporal's own in-memory test server in the foreground, so that apps
 * with {@code temporal.worker} entries run without any Temporal install. It keeps nothing: it is for development
 * only, and says so.
 */
@CommandLine.Command(name = "temporal", description = "Temporal tools.")
final class TemporalCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @CommandLine.Command(name = "dev", description = "Runs an in-memory Temporal server for development.")
    static final class Dev implements Callable<Integer> {
        @CommandLine.Option(names = "--port", defaultValue = "7233", description = "Port to listen on (7233).")
        int port;

        private final PrintStream out;
        private final PrintStream err;
        private final Signals signals;
        /** Counted down once the server listens (tests wait for it). */
        final CountDownLatch listening = new CountDownLatch(1);
        private final CountDownLatch stop = new CountDownLatch(1);

        Dev(PrintStream out, PrintStream err, Signals signals) {
            this.out = out;
            this.err = err;
            this.signals = signals;
        }

        @Override
        public Integer call() throws InterruptedException {
            // the server's own libraries only speak up for problems, on the error stream
            LogSetup.configure(RuntimeConfig.LogEncoding.CONSOLE, Level.WARN, err);
            TestServer.PortBoundTestServer server;
            try {
                server = TestServer.createPortBoundServer(port);
            } catch (RuntimeException e) {
                err.println("wippy: cannot run the Temporal dev server on port " + port + ": " + rootMessage(e));
                return 1;
            }
            try {
                signals.onInterrupt(stop::countDown, () -> Runtime.getRuntime().halt(130));
                out.println("wippy: Temporal dev server on port " + port + ", namespace default");
                out.println("wippy: it keeps everything in memory and forgets it when it stops: for development only");
                out.println("wippy: Ctrl+C stops it");
                listening.countDown();
                stop.await();
                return 0;
            } finally {
                server.close();
            }
        }

        /** Stops the server as Ctrl+C does. */
        void stop() {
            stop.countDown();
        }

        private static String rootMessage(Throwable t) {
            Throwable c = t;
            while (c.getCause() != null) {
                c = c.getCause();
            }
            return c.getMessage();
        }
    }
}
