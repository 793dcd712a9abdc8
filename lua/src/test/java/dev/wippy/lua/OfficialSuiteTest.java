package dev.wippy.lua;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Lua 5.4.4 test files run unchanged (from ../shared, never copied into the project), each in its own
 * JVM started in the suite's folder, as a portable and "soft" run. Skipped when ../shared is not beside the checkout.
 * gc.lua is not run: it waits for {@code __gc} finalizers, which this engine does not have (see the README).
 */
class OfficialSuiteTest {
    private static final List<String> PASSING = List.of("strings", "math", "nextvar", "sort", "closure", "vararg",
            "goto", "constructs", "literals", "pm", "tpack", "utf8", "bitwise", "calls", "events", "locals",
            "coroutine", "errors", "attrib");
    private static final long TIMEOUT_SECONDS = 300;

    @TestFactory
    Stream<DynamicTest> officialTestFilesPass() {
        Path suite = Path.of(System.getProperty("wippy.shared", "../../shared")).resolve("lua-5.4.4-tests");
        if (!Files.isDirectory(suite)) {
            String why = "the official Lua test suite is not beside the project (" + suite.toAbsolutePath().normalize()
                    + "): its files are not run";
            return Stream.of(DynamicTest.dynamicTest("official suite", () -> Assumptions.abort(why)));
        }
        return PASSING.stream().map(name -> DynamicTest.dynamicTest(name + ".lua", () -> {
            Path log = Files.createTempFile("lua-suite-" + name, ".log");
            try {
                Process p = new ProcessBuilder(javaCommand(name + ".lua")).directory(suite.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                p.getOutputStream().close();
                boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!done) {
                    p.destroyForcibly().waitFor();
                }
                String output = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertThat(done).as("%s.lua finished within %d s; output:%n%s", name, TIMEOUT_SECONDS, output)
                        .isTrue();
                assertThat(p.exitValue()).as("exit status of %s.lua; output:%n%s", name, output).isZero();
            } finally {
                Files.deleteIfExists(log);
            }
        }));
    }

    private static List<String> javaCommand(String file) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xss64m", "-XX:+UseParallelGC", "-Djdk.trackAllThreads=false",
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + testClasses(),
                PortableSuiteFile.class.getName(), file);
    }

    /** The folder of the test classes, absolute, since the child runs in another directory. */
    private static String testClasses() {
        try {
            return Path.of(PortableSuiteFile.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
