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
        // the commands people start most are parsed alone: picocli reads every command's annotations by reflection
        // when it builds the whole tree, which costs a quarter of a second at start-up
        if (args.length > 1 && !args[1].equals("--help") && !args[1].equals("-h")) {
            if (args[0].equals("run")) {
                return alone(new RunCommand(in, out, err, signals), out, err, args);
            }
            if (args[0].equals("lua")) {
                // `wippy lua FILE [args]` has nothing to parse: everything after the file belongs to the script
                return LuaCommand.run(args[1], java.util.Arrays.asList(args).subList(2, args.length), in, out, err);
            }
        }
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.addSubcommand("init", new InitCommand());
        cmd.addSubcommand("run", new RunCommand(in, out, err, signals));
        cmd.getSubcommands().get("run").setStopAtPositional(true);
        CommandLine temporal = new CommandLine(new TemporalCommand());
        temporal.addSubcommand("dev", new TemporalCommand.Dev(out, err, signals));
        cmd.addSubcommand("temporal", temporal);
        // everything after the script name belongs to the script, even words that look like options
        cmd.getSubcommands().get("lua").setStopAtPositional(true);
        return cmd.execute(args);
    }

    /** Runs subcommand {@code command} (named by {@code args[0]}) without the rest of the command tree. */
    private static int alone(Object command, PrintStream out, PrintStream err, String[] args) {
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setStopAtPositional(true);
        return cmd.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
