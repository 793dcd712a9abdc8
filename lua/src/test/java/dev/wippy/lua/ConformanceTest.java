package dev.wippy.lua;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential suite: every script of the conformance corpus and every program of the shared Lua benchmarks
 * runs under our engine and under Debian's {@code lua5.4}; the outputs must be identical (stdout, and for the
 * scripts that end in an uncaught error also stderr and the exit status).
 */
class ConformanceTest {
    private static final String REFERENCE = "lua5.4";

    private record Result(String out, String err, int status) {}

    @TestFactory
    Stream<DynamicTest> corpusScriptsPrintWhatLua54Prints() throws Exception {
        Path dir = resource("conformance");
        return scripts(dir).map(name -> DynamicTest.dynamicTest(name, () -> {
            Result expected = reference(dir, name, List.of());
            Result actual = ours(dir, name, List.of());
            assertThat(actual.out()).as("stdout of %s", name).isEqualTo(expected.out());
            assertThat(actual.status()).as("exit status of %s (stderr: %s)", name, actual.err())
                    .isEqualTo(expected.status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> uncaughtErrorsReportLikeLua54() throws Exception {
        Path dir = resource("conformance/errors");
        return scripts(dir).map(name -> DynamicTest.dynamicTest(name, () -> {
            Result expected = reference(dir, name, List.of());
            Result actual = ours(dir, name, List.of());
            assertThat(actual.out()).as("stdout of %s", name).isEqualTo(expected.out());
            assertThat(actual.err()).as("stderr of %s", name)
                    .isEqualTo(expected.err().replace(REFERENCE + ":", "lua:"));
            assertThat(actual.status()).as("exit status of %s", name).isEqualTo(expected.status());
        }));
    }

    @TestFactory
    Stream<DynamicTest> benchmarkProgramsPrintWhatLua54Prints() throws Exception {
        Path dir = Path.of(System.getProperty("wippy.shared", "../../shared")).resolve("bench/lua");
        Assumptions.assumeTrue(Files.isDirectory(dir), "the shared benchmarks are not beside the project: " + dir);
        return scripts(dir).map(name -> DynamicTest.dynamicTest(name, () -> {
            List<String> small = List.of(smallSize(name));
            Result expected = reference(dir, name, small);
            Result actual = ours(dir, name, small);
            assertThat(actual.out()).as("stdout of %s", name).isEqualTo(expected.out());
        }));
    }

    /** Sizes that keep the differential run short while exercising the same code. */
    private static String smallSize(String program) {
        return switch (program) {
            case "binarytrees.lua" -> "10";
            case "fannkuch.lua" -> "8";
            case "fib.lua" -> "22";
            case "nbody.lua", "spectralnorm.lua" -> "100";
            default -> "2000";
        };
    }

    private static Stream<String> scripts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".lua")).sorted().toList()
                    .stream();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ConformanceTest.class.getClassLoader().getResource(name).toURI());
    }

    private static Result reference(Path dir, String name, List<String> args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(REFERENCE, name));
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(REFERENCE + " is missing: run scripts/install-test-deps.sh", e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8),
                p.exitValue());
    }

    private static Result ours(Path dir, String name, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Standalone.run(dir, name, args, new ByteArrayInputStream(new byte[0]), out, err);
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }
}
