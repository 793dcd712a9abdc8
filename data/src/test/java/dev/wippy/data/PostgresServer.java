package dev.wippy.data;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tests' PostgreSQL server: a throwaway cluster in the build folder on a free loopback port, started once per
 * test JVM by {@code scripts/pg-test-server.sh} (which installs Debian's postgresql package when missing) and
 * stopped when the JVM exits. Tests that need it are skipped, saying why, only where it cannot be started.
 */
public final class PostgresServer {
    private static final Path DIR = Path.of(System.getProperty("wippy.pg.dir", "target/pg"));
    private static final String SCRIPT = System.getProperty("wippy.pg.script", "../scripts/pg-test-server.sh");
    private static int port;
    private static String failure;

    private PostgresServer() {
    }

    /** The port of the running server; skips the calling test when there can be none. */
    public static synchronized int port() {
        if (port == 0 && failure == null) {
            try {
                int p = freePort();
                script("start", DIR.toString(), Integer.toString(p));
                port = p;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        script("stop", DIR.toString());
                    } catch (IOException e) {
                        System.err.println("could not stop the test PostgreSQL server: " + e.getMessage());
                    }
                }));
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        Assumptions.assumeTrue(failure == null, () -> "PostgreSQL could not be started (is Debian's postgresql "
                + "package installable here?): " + failure);
        return port;
    }

    /** Restarts the server: every open connection is dropped. */
    public static void restart() throws IOException {
        script("restart", DIR.toString());
    }

    /** The YAML fields of a {@code db.sql.postgres} entry connecting to the server. */
    public static String entryFields() {
        return "host: 127.0.0.1\nport: " + port() + "\ndatabase: wippy\nusername: wippy\npassword: wippy\n";
    }

    private static void script(String... args) throws IOException {
        Process p = new ProcessBuilder(concat(args)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(SCRIPT + " " + args[0] + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(SCRIPT + " " + args[0] + " failed (" + p.exitValue() + "): " + out.strip());
        }
    }

    private static List<String> concat(String[] args) {
        List<String> all = new java.util.ArrayList<>(List.of("bash", SCRIPT));
        all.addAll(List.of(args));
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
