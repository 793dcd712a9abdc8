package dev.wippy.cli;

import dev.wippy.lua.Standalone;
import picocli.CommandLine;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code wippy lua FILE [args]}: runs a script like the {@code lua} command. */
@CommandLine.Command(name = "lua", description = "Runs a Lua script like the lua command does.")
final class LuaCommand implements Callable<Integer> {
    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The script to run.")
    private String file;

    @CommandLine.Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments (global arg, and ...).")
    private List<String> args = List.of();

    @Override
    public Integer call() {
        return run(file, args, System.in, System.out, System.err);
    }

    static int run(String file, List<String> args, java.io.InputStream in, java.io.PrintStream out,
                   java.io.PrintStream err) {
        return Standalone.run(file, args, in, out, err);
    }
}
