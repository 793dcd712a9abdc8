package dev.wippy.runtime.registry;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions of the registry (spec 01 §4.5–§4.8). */
class RegistryHistoryTest {
    private static Entry entry(String id, int seats) {
        return new Entry(id, "registry.entry", Map.of("type", "plan"), Map.of("seats", seats), Origin.RUNTIME);
    }

    private static final Entry BASIC = entry("shop:basic", 1);
    private final RegistryHistory history = new RegistryHistory(new Registry(0, List.of(BASIC)), true);

    private static ChangeRejected.Reason rejection(Runnable r) {
        try {
            r.run();
        } catch (ChangeRejected e) {
            return e.reason();
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void applyingAChangesetMakesTheNextVersionAndLeavesEarlierSnapshotsAlone() {
        Registry v0 = history.head();
        Registry v1 = history.apply(List.of(Change.create(entry("shop:pro", 10)),
                Change.update(entry("shop:basic", 2))));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(history.head()).isSameAs(v1);
        assertThat(v1.get("shop:basic").data()).isEqualTo(Map.of("seats", 2));
        assertThat(v0.get("shop:basic")).isSameAs(BASIC);
        assertThat(v0.get("shop:pro")).isNull();
        assertThat(history.versions()).containsExactly(0L, 1L);
        assertThat(history.at(0)).isSameAs(v0);
    }

    @Test
    void aChangesetAppliesWhollyOrNotAtAll() {
        assertThat(rejection(() -> history.apply(List.of()))).isEqualTo(ChangeRejected.Reason.INVALID);
        assertThat(rejection(() -> history.apply(List.of(Change.create(entry("shop:pro", 1)),
                Change.create(BASIC))))).isEqualTo(ChangeRejected.Reason.ALREADY_EXISTS);
        assertThat(rejection(() -> history.apply(List.of(Change.update(entry("shop:gone", 1))))))
                .isEqualTo(ChangeRejected.Reason.NOT_FOUND);
        assertThat(rejection(() -> history.apply(List.of(Change.delete("shop:gone")))))
                .isEqualTo(ChangeRejected.Reason.NOT_FOUND);
        assertThat(history.head().version()).isZero();
        assertThat(history.head().get("shop:pro")).isNull();
    }

    @Test
    void deletingAndCreatingTheSameIdReplacesTheEntry() {
        Entry replacement = new Entry("shop:basic", "registry.other", Map.of(), Map.of(), Origin.RUNTIME);
        history.apply(List.of(Change.create(replacement), Change.delete("shop:basic")));
        assertThat(history.head().get("shop:basic")).isSameAs(replacement);
    }

    @Test
    void restoringAVersionMakesItTheHeadAgainAndLaterChangesTakeANewNumber() {
        Registry v1 = history.apply(List.of(Change.create(entry("shop:pro", 10)), Change.delete("shop:basic")));
        Registry restored = history.restore(0);
        assertThat(restored.version()).isZero();
        assertThat(restored.all()).containsExactly(BASIC);
        assertThat(history.head()).isSameAs(restored);
        assertThat(history.restore(0)).as("nothing to change").isSameAs(restored);
        assertThat(history.restore(1)).as("forward again").isSameAs(v1);
        history.restore(0);
        assertThat(history.apply(List.of(Change.delete("shop:basic"))).version()).isEqualTo(2);
        assertThat(rejection(() -> history.restore(9))).isEqualTo(ChangeRejected.Reason.NOT_FOUND);
    }

    @Test
    void withoutHistoryOnlyTheHeadIsKept() {
        RegistryHistory headOnly = new RegistryHistory(new Registry(0, List.of(BASIC)), false);
        headOnly.apply(List.of(Change.delete("shop:basic")));
        assertThat(headOnly.versions()).containsExactly(1L);
        assertThat(headOnly.at(0)).isNull();
        assertThatThrownBy(() -> headOnly.restore(0)).isInstanceOf(ChangeRejected.class);
    }
}
