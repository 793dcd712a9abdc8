package dev.wippy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wippy} as its own OS process: a process that runs out of memory ends alone with one INTERNAL EXIT and no
 * raw stack trace, and the exit status is the terminal process's own even when shutdown had to terminate others.
 */
class ReliabilityTest {
    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {}

    private Outcome wippy(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss64m", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.wippy.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("wippy ended").isTrue();
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private void app(String entries, String... files) throws IOException {
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/_index.yaml"), """
                namespace: app
                entries:
                  - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
                  - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
                """ + entries);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve("src").resolve(files[i]), files[i + 1]);
        }
    }

    @Test
    void aProcessThatRunsOutOfMemoryEndsAloneAndTheRuntimeKeepsServing() throws Exception {
        app("""
                  - { name: hog, kind: process.lua, source: file://hog.lua, method: main }
                  - { name: twice, kind: function.lua, source: file://twice.lua, method: main }
                  - { name: main, kind: process.lua, source: file://main.lua, method: main, modules: [io, funcs] }
                """, "hog.lua", """
                return { main = function()
                  local t = {}
                  for i = 1, 1e9 do t[i] = string.rep("x", 1000000) .. i end
                end }""", "twice.lua", "return { main = function(x) return x * 2 end }", "main.lua", """
                local io = require("io")
                return { main = function()
                  local events = process.events()
                  local pid = process.spawn_monitored("app:hog", "app:processes")
                  local ev = events:receive()
                  io.print(ev.kind .. " " .. ev.result.error:kind() .. " " .. ev.result.error:message())
                  local more = channel.select { events:case_receive(), default = true }
                  io.print(more.default and "one exit" or "more than one exit")
                  io.print("still serving: " .. funcs.call("app:twice", 21))
                  return 0
                end }""");
        Outcome o = wippy(List.of("-Xmx96m", "-XX:+UseParallelGC"), "run", "--dir", dir.toString(), "-x", "app:main");
        assertThat(o.out()).isEqualTo("EXIT Internal out of memory\none exit\nstill serving: 42\n");
        assertThat(o.status()).isZero();
        assertThat(o.err()).doesNotContain("Exception in thread").doesNotContain("\tat java.");
    }

    @Test
    void theExitStatusIsTheTerminalProcesssOwnAndStderrNamesWhatShutdownTerminated() throws Exception {
        Files.writeString(dir.resolve(".wippy.yaml"), "shutdown:\n  timeout: 1s\n");
        app("""
                  - { name: stubborn, kind: process.lua, source: file://stubborn.lua, method: main, modules: [time] }
                  - { name: main, kind: process.lua, source: file://main.lua, method: main }
                """, "stubborn.lua", """
                return { main = function()
                  local events = process.events()
                  while true do events:receive() end
                end }""", "main.lua", """
                return { main = function()
                  process.spawn("app:stubborn", "app:processes")
                  return 0
                end }""");
        Outcome o = wippy(List.of(), "run", "--dir", dir.toString(), "-x", "app:main");
        assertThat(o.status()).isZero();
        assertThat(o.err()).contains("shutdown timeout: terminated").contains("app:stubborn");
    }
}
