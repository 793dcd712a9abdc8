package dev.wippy.cli;

import dev.wippy.runtime.registry.LockFile;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code wippy init}: writes {@code wippy.lock} and, when the source directory does not exist yet, a starter app
 * (a terminal host and a process that greets) so that {@code wippy run -x app:hello} works right away.
 */
@CommandLine.Command(name = "init", description = "Creates wippy.lock and a starter app.")
final class InitCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-d", "--src-dir"}, defaultValue = "./src", description = "Source directory.")
    private String srcDir;

    @CommandLine.Option(names = "--modules-dir", defaultValue = ".wippy", description = "Modules directory.")
    private String modulesDir;

    @CommandLine.Option(names = {"-l", "--lock-file"}, defaultValue = LockFile.NAME, description = "Lock file.")
    private String lockFile;

    @CommandLine.Option(names = "--dir", defaultValue = ".", description = "Project directory.")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(dir);
        Path lock = dir.resolve(lockFile);
        Files.writeString(lock, new LockFile(srcDir, modulesDir).render());
        System.out.println("wrote " + lock);
        Path src = dir.resolve(srcDir).normalize();
        if (!Files.exists(src)) {
            Files.createDirectories(src);
            Files.writeString(src.resolve("_index.yaml"), STARTER_INDEX);
            Files.writeString(src.resolve("hello.lua"), STARTER_LUA);
            System.out.println("wrote a starter app in " + src + "; try: wippy run -x app:hello");
        }
        return 0;
    }

    private static final String STARTER_INDEX = """
            version: "1.0"
            namespace: app

            entries:
              - name: terminal
                kind: terminal.host
                lifecycle:
                  auto_start: true

              - name: processes
                kind: process.host
                lifecycle:
                  auto_start: true

              - name: hello
                kind: process.lua
                meta:
                  command: { name: hello, short: Print a greeting }
                source: file://hello.lua
                method: main
                modules: [io]
            """;

    private static final String STARTER_LUA = """
            local io = require("io")

            local function main(who: string?): integer
                io.print("Hello, " .. (who or "world") .. "! I am " .. process.pid())
                return 0
            end

            return { main = main }
            """;
}
