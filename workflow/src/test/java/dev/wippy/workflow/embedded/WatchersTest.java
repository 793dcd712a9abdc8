package dev.wippy.workflow.embedded;

import dev.wippy.runtime.process.ExitResult;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Observers of a workflow that closes while they start watching are either told of the close or refused. */
class WatchersTest {
    @Test
    void aWatchAddedAsTheWorkflowClosesIsToldOrRefusedNeverLost() throws Exception {
        Set<String> open = ConcurrentHashMap.newKeySet();
        Watchers watchers = new Watchers(open::contains);
        ExitResult outcome = new ExitResult(null, null);
        for (int i = 0; i < 2_000; i++) {
            String id = "wf-" + i;
            open.add(id);
            CompletableFuture<ExitResult> waiter = new CompletableFuture<>();
            CountDownLatch go = new CountDownLatch(1);
            boolean[] added = new boolean[1];
            Thread watcher = Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                added[0] = watchers.waitFor(id, waiter);
            });
            Thread closer = Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                // as the engine does: the run leaves the open set, then its observers are told
                open.remove(id);
                watchers.closed(id, "{pid}", outcome);
            });
            go.countDown();
            watcher.join();
            closer.join();
            assertThat(added[0] ? waiter.isDone() : !waiter.isDone())
                    .as("try %d: added %s, told %s", i, added[0], waiter.isDone()).isTrue();
        }
    }

    @Test
    void aClosedWorkflowTakesNoWatch() {
        Watchers watchers = new Watchers(id -> false);
        assertThat(watchers.waitFor("gone", new CompletableFuture<>())).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
