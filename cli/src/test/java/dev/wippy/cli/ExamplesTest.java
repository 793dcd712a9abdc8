package dev.wippy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the apps under examples/ end to end through the command line, as their READMEs show. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    /** What one {@code wippy} invocation printed and returned. */
    record Run(int status, String out, String err) {}

    static Run wippy(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Signals.Ignored(), args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String dir(String example) {
        return EXAMPLES.resolve(example).toString();
    }

    @TempDir
    Path copies;

    /** A copy of an example that also serves HTTP, its {@code :8080} replaced by a free loopback port. */
    private String onFreePort(String example) throws IOException {
        Path source = EXAMPLES.resolve(example);
        Path copy = copies.resolve(example);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.toString().endsWith(".yaml")) {
                    Files.copy(f, target);
                } else {
                    Files.writeString(target, Files.readString(f).replace("addr: \":8080\"",
                            "addr: \"127.0.0.1:" + port + "\""));
                }
            }
        }
        return copy.toString();
    }

    @Test
    void pingPongPrintsEveryExchangeAndBothExits() {
        Run r = wippy("", "run", "--dir", dir("ping-pong"), "-x", "app:main", "3");
        assertThat(r.out()).isEqualTo("""
                round 1: ping -> pong -> ping
                round 2: ping -> pong -> ping
                round 3: ping -> pong -> ping
                ping finished after 3 rounds
                pong stopped
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void pingPongRunsThroughItsCommandName() {
        Run r = wippy("", "run", "--dir", dir("ping-pong"), "play", "1");
        assertThat(r.out()).startsWith("round 1: ping -> pong -> ping\nping finished after 1 rounds\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void workerPoolComputesEveryJobWithAllWorkers() {
        Run r = wippy("", "run", "--dir", dir("worker-pool"), "-x", "app:pool", "4", "6");
        assertThat(r.out()).isEqualTo("""
                fib(11) = 89
                fib(12) = 144
                fib(13) = 233
                fib(14) = 377
                fib(15) = 610
                fib(16) = 987
                4 workers handled 6 jobs
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void supervisorRestartsTheCrashingWorker() {
        Run r = wippy("", "run", "--dir", dir("supervisor"), "-x", "app:terminal/app:supervisor", "7");
        assertThat(r.out()).isEqualTo("""
                job 1 done by generation 1
                job 2 done by generation 1
                worker generation 1 crashed: src/worker.lua:8: cannot handle job 3
                job 4 done by generation 2
                job 5 done by generation 2
                worker generation 2 crashed: src/worker.lua:8: cannot handle job 6
                job 7 done by generation 3
                7 jobs, 2 restarts
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void echoServiceAnswersEveryLineThroughTheRelayAndANewWorker() {
        Run r = wippy("hello world\nsecond line\n", "run", "--dir", dir("echo"), "-x", "app:terminal/app:cli");
        assertThat(r.out()).matches("""
                Echo client\\. Type lines; an empty line or end of input quits\\.
                >   HELLO WORLD
                  from worker \\{app:processes\\|0x[0-9a-f]{5}\\}
                >   SECOND LINE
                  from worker \\{app:processes\\|0x[0-9a-f]{5}\\}
                > bye
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void functionsAreCalledSynchronouslyAndInParallel() {
        Run r = wippy("", "run", "--dir", dir("functions"), "-x", "app:main");
        assertThat(r.out()).isEqualTo("""
                slug: hello-wippy-on-the-jvm
                apple: 120 EUR
                pear: 95 EUR
                plum: 210 EUR
                kiwi: NotFound (no price for kiwi)
                four lookups of 300ms each took less than 600ms
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void aCrashingServiceIsRestartedWithGrowingDelaysUntilTheSupervisorGivesUp() {
        Run r = wippy("", "run", "-c", "--dir", dir("restart"), "-x", "app:watch");
        assertThat(r.out()).endsWith("done\n");
        List<Long> delays = java.util.regex.Pattern.compile("restarting .* delay=\"(\\d+)ms\"").matcher(r.err())
                .results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(delays).hasSize(3);
        assertThat(delays.get(0)).isBetween(180L, 220L);
        assertThat(delays.get(1)).isBetween(360L, 440L);
        assertThat(delays.get(2)).isBetween(720L, 880L);
        assertThat(r.err()).contains("service gave up after 4 attempts");
    }

    @Test
    void theSchedulerServiceRunsItsJobOnEveryTick() {
        Run r = wippy("", "run", "--dir", dir("scheduler"), "-x", "app:main", "3");
        assertThat(r.out()).isEqualTo("run 1: sum of 1..1 = 1\nrun 2: sum of 1..2 = 3\nrun 3: sum of 1..3 = 6\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void eventBusDeliversEachEventToEverySubscriberWhosePatternsMatch() {
        Run r = wippy("", "run", "--dir", dir("event-bus"), "-x", "app:main");
        assertThat(r.out()).isEqualTo("""
                auditor (* / *) saw 7 events
                  orders order.placed /orders/1001 total=25
                  orders order.paid /orders/1001 total=25
                  orders order.placed /orders/1002 total=40
                  stock item.low /items/tea left=2
                  orders order.cancelled /orders/1002
                  orders order.placed /orders/1003 total=12.5
                  orders order.paid /orders/1003 total=12.5
                payments (orders / order.paid) saw 2 events
                  orders order.paid /orders/1001 total=25
                  orders order.paid /orders/1003 total=12.5
                orders (orders / order.*) saw 6 events
                  orders order.placed /orders/1001 total=25
                  orders order.paid /orders/1001 total=25
                  orders order.placed /orders/1002 total=40
                  orders order.cancelled /orders/1002
                  orders order.placed /orders/1003 total=12.5
                  orders order.paid /orders/1003 total=12.5
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void queueConsumersRetryFailedOrdersAndDeadLetterThePoisonedOne() {
        Run r = wippy("", "run", "--dir", dir("queue"), "-x", "app:main");
        assertThat(r.out()).isEqualTo("""
                order  1: 2 x pear  =  1.90 EUR (delivery 1)
                order  2: 3 x plum  =  6.30 EUR (delivery 1)
                order  3: 1 x kiwi  =  0.60 EUR (delivery 1)
                order  4: 2 x apple =  2.40 EUR (delivery 1)
                order  5: 3 x pear  =  2.85 EUR (delivery 1)
                order  6: 1 x plum  =  2.10 EUR (delivery 1)
                order  7: 2 x kiwi  =  1.20 EUR (delivery 2)
                order  8: 3 x apple =  3.60 EUR (delivery 1)
                order  9: 1 x pear  =  0.95 EUR (delivery 1)
                order 10: 2 x plum  =  4.20 EUR (delivery 1)
                order 11: 3 x kiwi  =  1.80 EUR (delivery 1)
                order 12: 1 x apple =  1.20 EUR (delivery 1)
                order 13: dead-lettered from app:orders after 3 deliveries: invalid quantity 0
                order 14: 3 x plum  =  6.30 EUR (delivery 2)
                order 15: 1 x kiwi  =  0.60 EUR (delivery 1)
                order 16: 2 x apple =  2.40 EUR (delivery 1)
                order 17: 3 x pear  =  2.85 EUR (delivery 1)
                order 18: 1 x plum  =  2.10 EUR (delivery 1)
                order 19: 2 x kiwi  =  1.20 EUR (delivery 1)
                order 20: 3 x apple =  3.60 EUR (delivery 1)
                20 orders: 19 processed (2 of them on a second delivery), 1 dead-lettered
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void theOrderSagaCompensatesFailedStepsNewestFirst() {
        Run r = wippy("", "run", "--dir", dir("order-saga"), "-x", "shop:main");
        assertThat(r.out()).isEqualTo("""
                order A-1: shipped
                    reserved hold-A-1, charged 42.00, shipped TRK-A-1
                order A-2: payment failed: card declined
                    reserved hold-A-2, released hold-A-2
                order A-3: shipping failed: no carrier delivers to nowhere
                    reserved hold-A-3, charged 18.50, refunded pay-A-3, released hold-A-3
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void approvalsEndByDecisionOrByTheirDeadline() {
        Run r = wippy("", "run", "--dir", dir("approval"), "-x", "app:main", "1s");
        assertThat(r.out()).isEqualTo("""
                purchase-1: approved by alice
                purchase-2: rejected by bob
                purchase-3: expired (no decision within 1s)
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void aParentCollectsTheExitOfEachChildWorkflow() {
        Run r = wippy("", "run", "--dir", dir("parcel-batches"), "batches");
        assertThat(r.out()).isEqualTo("""
                batch 1: 3 items, 2.0 kg
                batch 2: 1 items, 2.5 kg
                failed: batch 3: cannot pack a anvil
                batch 4: 4 items, 5.3 kg
                4 batches, 1 failed
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void aPaymentIsCheckedAfterTheWaitAndRefundedWhenItFailed() {
        Run r = wippy("", "run", "--dir", dir("payment-check"), "-x", "app:main", "500ms");
        assertThat(r.out()).isEqualTo("""
                charging two cards, checking them after 500ms
                pay-4111-1234 settled
                pay-4111-5670 failed to settle and was refunded
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void listShowsTheNamedCommands() {
        Run r = wippy("", "run", "--dir", dir("ping-pong"), "list");
        assertThat(r.out()).isEqualTo("Available commands:\n  play  Play a few rounds of ping-pong\n");
        assertThat(r.status()).isZero();
    }
    @Test
    void taskQueueStoresEveryTaskAndListsThemByStatus() throws IOException {
        Run r = wippy("", "run", "--dir", onFreePort("task-queue"), "-x", "app:main");
        assertThat(r.out()).isEqualTo("""
                6 tasks submitted, 6 stored
                completed: 5
                  task-01 reverse   text=yppiw
                  task-02 sum       total=10
                  task-03 upper     text=QUEUED WORK
                  task-05 sum       total=30
                  task-06 reverse   text=etilqs
                failed: 1
                  task-04 translate unknown task kind translate
                pending: 0
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void keyValueServiceStoresReadsListsDeletesAndExpiresKeys() {
        Run r = wippy("", "run", "--dir", dir("kv-service"), "demo");
        assertThat(r.out()).isEqualTo("""
                get user:ada           {"name":"Ada"}
                get counter            3
                get session:42         "token-xyz"
                list user: 3 keys
                  user:ada = Ada
                  user:alan = Alan
                  user:grace = Grace
                delete user:alan       true
                delete user:alan again false
                get session:42 (1.2s)  <NotFound>
                list user: 2 keys
                get counter (bare key) 3
                """);
        assertThat(r.status()).isZero();
    }

}
