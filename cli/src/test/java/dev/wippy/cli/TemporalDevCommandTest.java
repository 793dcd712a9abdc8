package dev.wippy.cli;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wippy temporal dev}: a Temporal frontend on the port until Ctrl+C, saying it is for development only. */
class TemporalDevCommandTest {
    /** Hands the test what Ctrl+C would run. */
    private static final class Interrupt extends Signals {
        final CompletableFuture<Runnable> graceful = new CompletableFuture<>();

        @Override
        void onInterrupt(Runnable graceful, Runnable forced) {
            this.graceful.complete(graceful);
        }
    }

    @Test
    void servesTheDefaultNamespaceUntilInterrupted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Interrupt interrupt = new Interrupt();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = port;
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> Main.execute(
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), interrupt,
                "temporal", "dev", "--port", String.valueOf(p)));
        Runnable stop = interrupt.graceful.get(30, TimeUnit.SECONDS);
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newConnectedServiceStubs(WorkflowServiceStubsOptions
                .newBuilder().setTarget("127.0.0.1:" + port).build(), Duration.ofSeconds(10));
        try {
            assertThat(stubs.blockingStub().describeNamespace(DescribeNamespaceRequest.newBuilder()
                    .setNamespace("default").build()).getNamespaceInfo().getName()).isEqualTo("default");
        } finally {
            stubs.shutdownNow();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                wippy: Temporal dev server on port %d, namespace default
                wippy: it keeps everything in memory and forgets it when it stops: for development only
                wippy: Ctrl+C stops it
                """.formatted(port));
        stop.run();
        assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
    }
}
