package dev.wippy.temporal;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad Temporal entries are boot errors naming the entry, never a hang without a message (issue 9 item 5). */
class TemporalBadInputTest {
    @TempDir
    Path dir;

    private TestApp app(String client, String worker) {
        return new TestApp(dir).entry("tclient", client).entry("worker", worker);
    }

    private static final String WORKER = "kind: temporal.worker\nclient: app:tclient\ntask_queue: q";

    @Test
    void anUnreachableServerIsABootErrorNamingTheClientWithinItsConnectionTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TestApp app = app("kind: temporal.client\naddress: \"127.0.0.1:" + port + "\"\nconnection_timeout: 1s", WORKER);
        long started = System.nanoTime();
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("app:tclient")
                .hasMessageContaining("cannot reach the Temporal server at 127.0.0.1:" + port);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWorkerWhoseClientIsMissingIsABootErrorNamingBoth() {
        TestApp app = app("kind: temporal.client\naddress: \"127.0.0.1:7233\"",
                "kind: temporal.worker\nclient: app:elsewhere\ntask_queue: q");
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("app:worker").hasMessageContaining("app:elsewhere");
    }

    @Test
    void aWorkerWithoutClientOrQueueIsABootError() {
        assertThatThrownBy(app("kind: temporal.client\naddress: \"127.0.0.1:7233\"",
                "kind: temporal.worker\ntask_queue: q")::boot)
                .isInstanceOf(BootException.class).hasMessageContaining("app:worker").hasMessageContaining("client");
        assertThatThrownBy(app("kind: temporal.client\naddress: \"127.0.0.1:7233\"",
                "kind: temporal.worker\nclient: app:tclient")::boot)
                .isInstanceOf(BootException.class).hasMessageContaining("app:worker").hasMessageContaining("task_queue");
    }

    @Test
    void badAddressesAndMissingCredentialsAreBootErrorsNamingTheClient() {
        assertThatThrownBy(app("kind: temporal.client\naddress: \"nowhere\"", WORKER)::boot)
                .isInstanceOf(BootException.class).hasMessageContaining("app:tclient").hasMessageContaining("host:port");
        assertThatThrownBy(app("kind: temporal.client\naddress: \"127.0.0.1:7233\"\nauth: { type: api_key }",
                WORKER)::boot)
                .isInstanceOf(BootException.class).hasMessageContaining("app:tclient").hasMessageContaining("api_key");
        assertThatThrownBy(app("kind: temporal.client\naddress: \"127.0.0.1:7233\"\nauth: { type: mtls, "
                + "cert_file: missing.pem, key_pem: x }", WORKER)::boot)
                .isInstanceOf(BootException.class).hasMessageContaining("app:tclient").hasMessageContaining("missing.pem");
        assertThatThrownBy(app("kind: temporal.client\naddress: \"127.0.0.1:7233\"\nauth: { type: kerberos }",
                WORKER)::boot)
                .isInstanceOf(BootException.class).hasMessageContaining("app:tclient").hasMessageContaining("kerberos");
    }

    /** A server gone after boot: sends fail with UNAVAILABLE once a health check failed, and the app still stops. */
    @Test
    void aServerGoneAfterBootMakesSendsUnavailableAndTheAppStillStops() throws Exception {
        DevServer server = DevServer.start(false);
        TestApp app = app(server.clientYaml() + "\nhealth_check: { enabled: true, interval: 100ms }", WORKER)
                .entry("flow", "kind: workflow.lua\nmethod: main\nmodules: [time]",
                        "return { main = function() time.sleep('1h') end }")
                .entry("start", "kind: process.lua\nmethod: main",
                        "return { main = function() return process.spawn('app:flow', 'app:worker') end }")
                .entry("send", "kind: process.lua\nmethod: main", """
                        return { main = function(pid)
                          local ok, err = process.send(pid, "ping", 1)
                          return err and err:kind() or "sent"
                        end }""");
        Application booted = app.boot();
        String pid = String.valueOf(booted.run(booted.target("app:start", null), List.of()).done()
                .get(30, TimeUnit.SECONDS).value());
        server.close();
        Thread.sleep(1500);
        assertThat(booted.run(booted.target("app:send", null), List.of(pid)).done().get(30, TimeUnit.SECONDS).value())
                .isEqualTo(LuaString.of("Unavailable"));
        long started = System.nanoTime();
        booted.shutdown(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }
}
