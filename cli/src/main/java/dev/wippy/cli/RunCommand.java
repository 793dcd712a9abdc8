package dev.wippy.cli;

import ch.qos.logback.classic.Level;
import dev.wippy.observability.Observability;
import dev.wippy.observability.console.Console;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.app.ExitCodes;
import dev.wippy.runtime.config.RuntimeConfig;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.terminal.Terminal;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code wippy run}: boots the app; with {@code -x} (or a command name) runs one process on the terminal and exits
 * with its status, otherwise runs until Ctrl+C or SIGTERM, then shuts down gracefully.
 */
@CommandLine.Command(name = "run", description = "Runs the app, or one process of it with -x.")
final class RunCommand implements Callable<Integer> {
    private static final int FORCED = 130;

    @CommandLine.Option(names = {"-x", "--exec"}, paramLabel = "TARGET",
            description = "Entry to run on the terminal host: ENTRY, HOST/ENTRY or a command name.")
    private String exec;

    @CommandLine.Option(names = "--host", description = "Terminal host for -x.")
    private String host;

    @CommandLine.Option(names = "--dir", defaultValue = ".", description = "Project directory.")
    private Path dir;

    @CommandLine.Option(names = {"-v", "--verbose"}, description = "Log at debug level.")
    private boolean verbose;

    @CommandLine.Option(names = "-c", description = "Show logs even with -x.")
    private boolean console;

    @CommandLine.Option(names = "--console", arity = "0", paramLabel = "ADDR", parameterConsumer = ConsoleAddress.class,
            description = "Start the live web console on ADDR (host:port or a port; default " + Console.DEFAULT_ADDRESS
                    + ", loopback only); also shows logs with -x.")
    private String webConsole;

    @CommandLine.Option(names = {"-s", "--silent"}, description = "No log output.")
    private boolean silent;

    @CommandLine.Option(names = "--debug", description = "Show Java stack traces of internal errors.")
    private boolean debug;

    @CommandLine.Parameters(paramLabel = "ARGS", description = "A command name (or list), then its arguments.")
    private List<String> positional = new ArrayList<>();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Signals signals;

    RunCommand(InputStream in, PrintStream out, PrintStream err, Signals signals) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.signals = signals;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(positional);
        String target = exec;
        if (target == null && !args.isEmpty()) {
            target = args.removeFirst();
        }
        boolean oneProcess = target != null && !target.equals("list");
        Application app;
        try {
            RuntimeConfig config = webConsole == null ? RuntimeConfig.read(dir)
                    : RuntimeConfig.read(dir).with("console", "address", webConsole);
            LogSetup.configure(config.logEncoding(), logLevel(oneProcess || "list".equals(target)), err);
            app = Application.boot(dir, new Terminal(in, out, err, args), config);
            announceConsole(app);
            if ("list".equals(target)) {
                return list(app);
            }
            if (!oneProcess) {
                return serve(app, config);
            }
            Application.Target t = app.target(target, host);
            LogSetup.mute(t.hideLogs());
            ProcessExecution p = app.run(t, args);
            signals.onInterrupt(() -> app.shutdown(config.shutdownTimeout()), () -> Runtime.getRuntime()
                    .halt(FORCED));
            CompletableFuture.anyOf(p.done(), app.exitRequested()).join();
            LogSetup.mute(false);
            int code = app.exitRequested().isDone() && !p.done().isDone() ? app.exitRequested().join()
                    : ExitCodes.of(p.done().join(), out, err);
            reportCut(app.shutdown(config.shutdownTimeout()));
            return code;
        } catch (BootException e) {
            err.println("wippy: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private Level logLevel(boolean quietByDefault) {
        if (silent) {
            return null;
        }
        if (verbose) {
            return Level.DEBUG;
        }
        return quietByDefault && !console && webConsole == null ? null : Level.INFO;
    }

    private int list(Application app) {
        Map<String, String> commands = app.commands();
        out.println("Available commands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.forEach((name, id) -> {
            Object shortText = dev.wippy.runtime.registry.Values.at(app.registry().get(id).meta(), "command.short");
            out.printf("  %-" + width + "s  %s%n", name, shortText == null ? "" : shortText);
        });
        return 0;
    }

    private int serve(Application app, RuntimeConfig config) {
        CountDownLatch stop = new CountDownLatch(1);
        signals.onInterrupt(stop::countDown, () -> Runtime.getRuntime().halt(FORCED));
        app.exitRequested().thenRun(stop::countDown);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean clean = reportCut(app.shutdown(config.shutdownTimeout()));
        return app.exitRequested().isDone() ? app.exitRequested().join() : clean ? 0 : 1;
    }

    /** Prints where the console is and the token its actions need (a log line may be muted; this is not). */
    private void announceConsole(Application app) {
        Console c = app.subsystem(Observability.class).console();
        if (c != null) {
            err.println("wippy: console at " + c.url() + "?token=" + c.token() + " (actions need the token)");
        }
    }

    /**
     * Takes the value of {@code --console} only when the next argument is an address ({@code host:port} or a
     * port), so that {@code wippy run --console hello} still runs the command {@code hello}.
     */
    static final class ConsoleAddress implements CommandLine.IParameterConsumer {
        private static final java.util.regex.Pattern ADDRESS =
                java.util.regex.Pattern.compile("(\\[[0-9a-fA-F:.]*]|[A-Za-z0-9.-]*)?:\\d+|\\d+");

        @Override
        public void consumeParameters(java.util.Stack<String> args, CommandLine.Model.ArgSpec spec,
                                      CommandLine.Model.CommandSpec command) {
            String next = args.isEmpty() ? null : args.peek();
            spec.setValue(next != null && ADDRESS.matcher(next).matches() ? args.pop() : Console.DEFAULT_ADDRESS);
        }
    }

    /** Names on stderr what shutdown had to terminate or cut short; true when there was nothing. */
    private boolean reportCut(List<String> cut) {
        if (!cut.isEmpty()) {
            err.println("wippy: shutdown timeout: terminated " + String.join(", ", cut));
        }
        return cut.isEmpty();
    }
}
