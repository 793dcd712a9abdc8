package dev.wippy.cli;

import dev.wippy.runtime.config.RuntimeConfig;
import io.temporal.testserver.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example workflow app, run once as it is (embedded provider) and once with only its worker entries swapped to
 * {@code temporal.worker} plus a {@code temporal.client} pointed at Temporal's in-memory server: both runs must print
 * the same and end the same (spec 05 §2.6).
 */
class TemporalExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Pattern WORKER = Pattern.compile("(?m)^( +)kind: workflow\\.worker[ \\t]*$");
    private static TestServer.PortBoundTestServer server;
    private static int port;

    @TempDir
    Path copies;

    @BeforeAll
    static void startServer() throws IOException {
        LogSetup.configure(RuntimeConfig.LogEncoding.CONSOLE, null, System.err);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        server = TestServer.createPortBoundServer(port);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("approval", List.of("-x", "app:main", "1s")),
                Arguments.of("order-saga", List.of("-x", "shop:main")),
                Arguments.of("parcel-batches", List.of("batches")),
                Arguments.of("payment-check", List.of("-x", "app:main", "500ms")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runsOnTemporalWithTheOutputOfTheEmbeddedProvider(String example, List<String> command) throws IOException {
        ExamplesTest.Run embedded = run(copy(example, "embedded", false), command);
        ExamplesTest.Run temporal = run(copy(example, "temporal", true), command);
        assertThat(embedded.status()).as(embedded.err()).isZero();
        assertThat(temporal.out()).as(temporal.err()).isEqualTo(embedded.out());
        assertThat(temporal.status()).isEqualTo(embedded.status());
    }

    private static ExamplesTest.Run run(Path dir, List<String> command) {
        List<String> args = new ArrayList<>(List.of("run", "--dir", dir.toString()));
        args.addAll(command);
        return ExamplesTest.wippy("", args.toArray(String[]::new));
    }

    /** A copy of the example (without its stale databases); on Temporal, with its worker entries swapped. */
    private Path copy(String example, String as, boolean onTemporal) throws IOException {
        Path source = EXAMPLES.resolve(example);
        Path copy = copies.resolve(as).resolve(example);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                String relative = source.relativize(f).toString();
                if (relative.startsWith(".wippy")) {
                    continue;
                }
                Path target = copy.resolve(relative);
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (onTemporal && f.toString().endsWith(".yaml")) {
                    Files.writeString(target, swapWorkers(Files.readString(f), example, port));
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    /**
     * Each {@code workflow.worker} entry becomes a {@code temporal.worker} of a client added to the same file; its
     * task queue stays what it was (the entry's name by default), under a prefix of this run so that runs never
     * share a queue on the server.
     */
    static String swapWorkers(String yaml, String example, int port) {
        Matcher m = WORKER.matcher(yaml);
        if (!m.find()) {
            return yaml;
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        int last = 0;
        while (m.find()) {
            String indent = m.group(1);
            int entryStart = yaml.lastIndexOf("- name:", m.start());
            String name = yaml.substring(entryStart + 7, yaml.indexOf('\n', entryStart)).strip();
            int entryEnd = yaml.indexOf("\n  - ", m.end());
            String rest = yaml.substring(m.end(), entryEnd < 0 ? yaml.length() : entryEnd);
            out.append(yaml, last, m.start()).append(indent).append("kind: temporal.worker\n").append(indent)
                    .append("client: temporal_dev");
            if (!rest.contains("task_queue:")) {
                out.append("\n").append(indent).append("task_queue: ").append(name);
            }
            last = m.end();
        }
        out.append(yaml.substring(last));
        if (!out.toString().endsWith("\n")) {
            out.append("\n");
        }
        out.append("""
                  - name: temporal_dev
                    kind: temporal.client
                    address: "127.0.0.1:%d"
                    tq_prefix: "%s-%d-"
                """.formatted(port, example, System.nanoTime()));
        return out.toString();
    }
}
