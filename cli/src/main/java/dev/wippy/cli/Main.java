package dev.wippy.cli;

import picocli.CommandLine;

/** The {@code wippy} command. */
@CommandLine.Command(name = "wippy", mixinStandardHelpOptions = true, version = "wippy 0.1.0",
        description = "Runs Wippy applications: Lua functions, processes and workflows declared in YAML.",
        subcommands = {LuaCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (used by tests without exiting the JVM). */
    public static int execute(String... args) {
        CommandLine cmd = new CommandLine(new Main());
        // everything after the script name belongs to the script, even words that look like options
        cmd.getSubcommands().get("lua").setStopAtPositional(true);
        return cmd.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
