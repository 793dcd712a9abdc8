package dev.wippy.workflow;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The counter activity of spec 05 §6 for tests: {@code counter.hit(line)} appends one line to {@code counter.log}
 * in the app folder, durably, and returns how many lines the log has, so tests count real executions;
 * {@code counter.seen(line)} says how often a line was written.
 */
public final class CounterExtension implements Extension {
    @Override
    public List<Kind> kinds() {
        return List.of();
    }

    @Override
    public int order() {
        return TOOLS;
    }

    @Override
    public Subsystem boot(Boot boot) {
        Path log = boot.root().resolve("counter.log");
        boot.module("counter", s -> {
            LuaTable t = new LuaTable();
            t.putStr(LuaString.of("hit"), new JavaFunction("counter.hit", (st, a) ->
                    append(log, Args.checkString(st, a, 0).toString())));
            t.putStr(LuaString.of("seen"), new JavaFunction("counter.seen", (st, a) -> {
                String line = Args.checkString(st, a, 0).toString();
                return (long) lines(log).stream().filter(line::equals).count();
            }));
            return t;
        });
        return new Subsystem() {
        };
    }

    private static synchronized long append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            return lines(log).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a counter log; none when there is no log yet. */
    public static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
