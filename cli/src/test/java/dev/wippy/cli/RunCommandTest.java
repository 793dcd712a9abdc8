package dev.wippy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.wippy.cli.ExamplesTest.wippy;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code wippy run}: terminal processes, exit codes and how start-up problems are reported. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static final String HEADER = """
            version: "1.0"
            namespace: app
            entries:
              - name: terminal
                kind: terminal.host
                lifecycle: { auto_start: true }
              - name: processes
                kind: process.host
                lifecycle: { auto_start: true }
            """;

    private void app(String entries, String... files) throws IOException {
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/_index.yaml"), HEADER + entries);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve("src").resolve(files[i]), files[i + 1]);
        }
    }

    private static String process(String name, String file, String modules) {
        return "  - name: " + name + "\n    kind: process.lua\n    source: file://" + file
                + "\n    method: main\n    modules: [" + modules + "]\n";
    }

    private ExamplesTest.Run run(String stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--dir";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return wippy(stdin, all);
    }

    @Test
    void aTerminalProcessReadsLinesUntilEndOfInputAndReturnsItsExitCode() throws IOException {
        app(process("cli", "cli.lua", "io"), "cli.lua", """
                local io = require("io")
                local function main(): integer
                    local n = 0
                    while true do
                        local line = io.readline()
                        if not line then break end
                        n = n + 1
                        io.write(n, ": ", line:upper(), "\\n")
                    end
                    io.print("lines", n, table.concat(io.args(), ","))
                    io.eprint("done")
                    return n + 40
                end
                return { main = main }
                """);
        ExamplesTest.Run r = run("hello\r\nworld\npartial", "-x", "app:cli", "a", "b");
        assertThat(r.out()).isEqualTo("1: HELLO\n2: WORLD\n3: PARTIAL\nlines\t3\ta,b\n");
        assertThat(r.err()).isEqualTo("done\n");
        assertThat(r.status()).isEqualTo(43);
    }

    @Test
    void outcomesMapToExitCodes() throws IOException {
        app(process("s", "s.lua", "") + process("b", "b.lua", "") + process("e", "e.lua", "")
                        + process("r", "r.lua", ""),
                "s.lua", "return { main = function() return 'said' end }",
                "b.lua", "return { main = function() return false end }",
                "e.lua", "return { main = function() local t = nil; return t.x end }",
                "r.lua", "return { main = function() return nil, errors.new({kind = errors.INVALID, message = 'no'}) end }");
        assertThat(run("", "-x", "app:s")).isEqualTo(new ExamplesTest.Run(0, "said\n", ""));
        assertThat(run("", "-x", "app:b").status()).isEqualTo(1);
        ExamplesTest.Run e = run("", "-x", "app:e");
        assertThat(e.status()).isEqualTo(1);
        assertThat(e.err()).isEqualTo("src/e.lua:1: attempt to index a nil value (local 't')\n");
        assertThat(run("", "-x", "app:r")).isEqualTo(new ExamplesTest.Run(1, "", "no\n"));
    }

    @Test
    void ioIsDeniedToProcessesOutsideTheTerminal() throws IOException {
        app(process("cli", "cli.lua", "io") + process("child", "child.lua", "io"), "cli.lua", """
                local io = require("io")
                return { main = function()
                    process.spawn_monitored("app:child", "app:processes")
                    local ev = process.events():receive()
                    io.print(ev.result.value)
                end }
                """, "child.lua", """
                local io = require("io")
                return { main = function()
                    local ok, err = io.print("should not appear")
                    return tostring(ok) .. " " .. err:kind() .. " " .. err:message() .. " " .. #io.args()
                end }
                """);
        assertThat(run("", "-x", "app:cli", "x").out()).isEqualTo("nil Unavailable no terminal context 0\n");
    }

    @Test
    void librariesAreImportedUnderTheirAliasWithTheirOwnModules() throws IOException {
        app(process("cli", "cli.lua", "io").replace("modules: [io]", "modules: [io]\n    imports: { text: lib }")
                        + "  - { name: lib, kind: library.lua, source: file://lib.lua, modules: [time] }\n",
                "lib.lua", """
                        local time = require("time")
                        return { shout = function(s) return s:upper() .. "!" end,
                                 seconds = function(d) return time.parse_duration(d):seconds() end }
                        """,
                "cli.lua", """
                        local io = require("io")
                        local text = require("text")
                        return { main = function()
                            io.print(text.shout("hi"), text.seconds("90s"), require("text") == text)
                            local ok, err = pcall(require, "time")
                            io.print(ok, err)
                        end }
                        """);
        ExamplesTest.Run r = run("", "-x", "app:cli");
        assertThat(r.out()).isEqualTo("HI!\t90.0\ttrue\nfalse\tmodule 'time' is not declared in modules or imports\n");
    }

    @Test
    void anImportOfAMissingEntryStopsStartUp() throws IOException {
        app(process("cli", "cli.lua", "").replace("modules: []", "modules: []\n    imports: { text: nolib }"),
                "cli.lua", "return { main = function() end }");
        ExamplesTest.Run r = run("", "-x", "app:cli");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("entry app:cli: import 'text' refers to app:nolib, which does not exist");
    }

    @Test
    void requiringAModuleThatIsNotListedFails() throws IOException {
        app(process("cli", "cli.lua", ""), "cli.lua", "return { main = function() require('io') end }");
        ExamplesTest.Run r = run("", "-x", "app:cli");
        assertThat(r.err()).contains("module 'io' is not declared in modules or imports");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void aLuaSyntaxErrorStopsStartUpNamingFileLineAndEntry() throws IOException {
        app(process("cli", "cli.lua", ""), "cli.lua", "local x = \nreturn { main = function() end }\nx x\n");
        ExamplesTest.Run r = run("", "-x", "app:cli");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("wippy: src/cli.lua:2: unexpected symbol near 'return'")
                .contains("entry app:cli").contains("_index.yaml:10").doesNotContain("Exception");
    }

    @Test
    void brokenYamlStopsStartUpNamingFileAndLine() throws IOException {
        app("  - name: x\n    kind: [unclosed\n");
        ExamplesTest.Run r = run("", "-x", "app:x");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("wippy: ").contains("_index.yaml:").contains("invalid YAML")
                .doesNotContain("Exception");
    }

    @Test
    void aServiceReferringToAMissingProcessStopsStartUp() throws IOException {
        app("""
                  - name: svc
                    kind: process.service
                    process: nothere
                    host: processes
                    lifecycle: { auto_start: true }
                """);
        ExamplesTest.Run r = run("", "-x", "app:svc");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("_index.yaml:10: entry app:svc: field 'process' refers to app:nothere, "
                + "which does not exist");
    }

    @Test
    void xNeedsAProcessEntryAndAKnownCommand() throws IOException {
        app(process("cli", "cli.lua", ""), "cli.lua", "return { main = function() end }");
        assertThat(run("", "-x", "app:processes").err()).contains("cannot run a process.host on a terminal");
        assertThat(run("", "nosuch").err()).contains("unknown command 'nosuch'");
        assertThat(run("", "-x", "app:missing").err()).contains("entry app:missing does not exist");
    }

    @Test
    void anUnknownKindIsKeptWithOneWarningNamingTheNearestKnownKind() throws IOException {
        app(process("cli", "cli.lua", "") + "  - { name: typo, kind: proces.lua }\n"
                + "  - { name: typo2, kind: proces.lua }\n", "cli.lua", "return { main = function() return 3 end }");
        ExamplesTest.Run r = run("", "-c", "-x", "app:cli");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).containsOnlyOnce("unknown entry kind 'proces.lua' (did you mean 'process.lua'?)");
    }

    @Test
    void logsCarryFieldsPidAndLocationAndCanBeJson() throws IOException {
        app(process("cli", "cli.lua", "logger"), "cli.lua", """
                return { main = function()
                    logger:named("billing"):with({ tenant = "acme" }):info("invoice sent", { amount = 99.5 })
                    print("plain", 42)
                end }
                """);
        ExamplesTest.Run console = run("", "-c", "-x", "app:cli");
        assertThat(console.err()).contains("INFO  billing invoice sent tenant=\"acme\" amount=\"99.5\" pid=\"{app:terminal|")
                .contains("location=\"app:cli:2\"").contains("INFO  app plain 42");
        Files.writeString(dir.resolve(".wippy.yaml"), "logger:\n  encoding: json\n");
        ExamplesTest.Run json = run("", "-c", "-x", "app:cli");
        assertThat(json.err()).contains("\"level\":\"INFO\"").contains("\"loggerName\":\"billing\"")
                .contains("\"formattedMessage\":\"invoice sent\"").contains("\"tenant\":\"acme\"");
    }

    @Test
    void aTerminalHostWithHideLogsMutesTheConsoleWhileItsProcessRuns() throws IOException {
        Files.writeString(dir.resolve("wippy.lock"), "directories:\n  src: ./src\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/_index.yaml"), """
                namespace: app
                entries:
                  - { name: quiet, kind: terminal.host, hide_logs: true }
                  - { name: cli, kind: process.lua, source: file://cli.lua, method: main }
                """);
        Files.writeString(dir.resolve("src/cli.lua"), "return { main = function() print('hidden') end }");
        ExamplesTest.Run r = run("", "-c", "-x", "app:cli");
        assertThat(r.err()).contains("runtime ready").doesNotContain("hidden");
    }

    @Test
    void initWritesALockFileAndAStarterAppThatRuns() {
        Path project = dir.resolve("fresh");
        ExamplesTest.Run init = wippy("", "init", "--dir", project.toString());
        assertThat(init.status()).isZero();
        assertThat(project.resolve("wippy.lock")).content().contains("src: ./src");
        ExamplesTest.Run hello = wippy("", "run", "--dir", project.toString(), "hello", "Ada");
        assertThat(hello.out()).startsWith("Hello, Ada! I am {app:terminal|0x");
        assertThat(hello.status()).isZero();
    }
}
