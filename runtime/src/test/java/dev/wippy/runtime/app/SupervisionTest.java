package dev.wippy.runtime.app;

import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Supervised {@code process.service} entries (spec 03 §3.5): restarts, backoff, terminal errors, states. */
class SupervisionTest {
    @TempDir
    Path dir;


    private static String service(String process, String lifecycle) {
        return "kind: process.service\nprocess: " + process + "\nhost: processes\nlifecycle:\n  auto_start: true\n"
                + lifecycle.indent(2);
    }

    private static ServiceStatus await(Application app, String id, Predicate<ServiceStatus> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            ServiceStatus s = app.services().get(id);
            if (s != null && done.test(s)) {
                return s;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("service " + id + " did not get there: " + app.services().get(id));
    }

    private static long gapMillis(List<Instant> starts, int i) {
        return Duration.between(starts.get(i - 1), starts.get(i)).toMillis();
    }

    @Test
    void aCrashingServiceIsRestartedWithExponentialJitteredBackoffUntilMaxAttempts() throws Exception {
        Application app = new TestApp(dir)
                .entry("crash", "kind: process.lua\nmethod: main", "return { main = function() error('boom') end }")
                .entry("svc", service("crash", """
                        restart: { initial_delay: 100ms, backoff_factor: 2.0, jitter: 0.2, max_attempts: 4 }"""))
                .boot();
        try {
            ServiceStatus s = await(app, "app:svc", st -> st.starts().size() == 4 && st.retries() == 4);
            assertThat(s.state()).isEqualTo(ServiceState.FAILED);
            assertThat(s.lastError()).contains("boom");
            for (int i = 1; i < 4; i++) {
                long expected = 100L << (i - 1);
                assertThat(gapMillis(s.starts(), i)).as("delay before restart %d", i)
                        .isBetween((long) (expected * 0.8), (long) (expected * 1.2) + 60);
            }
            Thread.sleep(1000);
            assertThat(app.services().get("app:svc").starts()).hasSize(4);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRunLongerThanTheStableThresholdResetsTheRestartCounter() throws Exception {
        Application app = new TestApp(dir)
                .entry("late", "kind: process.lua\nmethod: main\nmodules: [time]",
                        "return { main = function() time.sleep('150ms'); error('late crash') end }")
                .entry("svc", service("late", """
                        stable_threshold: 100ms
                        restart: { initial_delay: 200ms, backoff_factor: 4.0, jitter: 0.1 }"""))
                .boot();
        try {
            ServiceStatus s = await(app, "app:svc", st -> st.starts().size() >= 4);
            for (int i = 1; i < 4; i++) {
                assertThat(gapMillis(s.starts(), i)).as("run plus first-restart delay %d", i)
                        .isBetween(150L + 180, 150L + 220 + 100);
            }
            assertThat(s.retries()).isEqualTo(1);
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void normalReturnsAndNonRetryableErrorsEndAServiceForGood() throws Exception {
        Application app = new TestApp(dir)
                .entry("done", "kind: process.lua\nmethod: main", "return { main = function() return 0 end }")
                .entry("fatal", "kind: process.lua\nmethod: main",
                        "return { main = function() return nil, 'configuration is broken' end }")
                .entry("finished", service("done", "restart: { initial_delay: 10ms }"))
                .entry("doomed", service("fatal", "restart: { initial_delay: 10ms }"))
                .boot();
        try {
            ServiceStatus finished = await(app, "app:finished", st -> st.state() == ServiceState.EXITED);
            ServiceStatus terminal = await(app, "app:doomed", st -> st.state() == ServiceState.EXITED);
            Thread.sleep(200);
            assertThat(app.services().get("app:finished").starts()).hasSize(1);
            assertThat(app.services().get("app:doomed").starts()).hasSize(1);
            assertThat(terminal.lastError()).isEqualTo("configuration is broken");
            assertThat(finished.lastError()).isNull();
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void stoppingSendsCancelAndWaitsThenTerminatesAfterTheStopTimeout() throws Exception {
        Application app = new TestApp(dir)
                .entry("polite", "kind: process.lua\nmethod: main",
                        "return { main = function() process.events():receive(); return 0 end }")
                .entry("stubborn", "kind: process.lua\nmethod: main", "return { main = function() while true do end end }")
                .entry("a", service("polite", ""))
                .entry("b", service("stubborn", "stop_timeout: 200ms"))
                .boot();
        await(app, "app:a", st -> st.state() == ServiceState.RUNNING);
        app.shutdown(Duration.ofSeconds(5));
        assertThat(app.services().get("app:a").state()).isEqualTo(ServiceState.STOPPED);
        assertThat(app.services().get("app:b").state()).isEqualTo(ServiceState.FAILED);
    }

    @Test
    void servicesStartAfterWhatTheyRequireAndADependencyCycleStopsTheBoot() throws Exception {
        Application app = new TestApp(dir)
                .entry("idle", "kind: process.lua\nmethod: main",
                        "return { main = function() process.events():receive() end }")
                .entry("second", service("idle", "requires: [first]"))
                .entry("first", service("idle", "auto_start: false").replace("auto_start: true\n", ""))
                .boot();
        try {
            ServiceStatus first = await(app, "app:first", st -> st.state() == ServiceState.RUNNING);
            ServiceStatus second = await(app, "app:second", st -> st.state() == ServiceState.RUNNING);
            assertThat(first.starts().getFirst()).isBeforeOrEqualTo(second.starts().getFirst());
        } finally {
            app.shutdown(Duration.ofSeconds(5));
        }
        TestApp cyclic = new TestApp(dir.resolve("cyclic"))
                .entry("idle", "kind: process.lua\nmethod: main", "return { main = function() end }")
                .entry("x", service("idle", "requires: [y]"))
                .entry("y", service("idle", "requires: [x]"));
        assertThatThrownBy(cyclic::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("dependency cycle: app:x -> app:y -> app:x");
    }
}
