package dev.wippy.cli;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.PrintStream;

/** The {@code wippy} command. */
@CommandLine.Command(name = "wippy", mixinStandardHelpOptions = true, version = "wippy 0.1.0",
        description = "Runs Wippy applications: Lua functions, processes and workflows declared in YAML.",
        subcommands = {LuaCommand.class, WorkflowCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on the process's standard streams and returns the exit status. */
    public static int execute(String... args) {
        return execute(System.in, System.out, System.err, new Signals(), args);
    }

    /** Runs the command line on the given streams (tests use this to drive apps without exiting the JVM). */
    static int execute(InputStream in, PrintStream out, PrintStream err, Signals signals, String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.addSubcommand("init", new InitCommand());
        cmd.addSubcommand("run", new RunCommand(in, out, err, signals));
        cmd.getSubcommands().get("run").setStopAtPositional(true);
        // everything after the script name belongs to the script, even words that look like options
        cmd.getSubcommands().get("lua").setStopAtPositional(true);
        return cmd.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
