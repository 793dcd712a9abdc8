package dev.wippy.runtime.registry;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Differences between entry sets and the order registry operations run in (spec 01 §1.7, §4.2, §4.8). */
class DeltaTest {
    private static Entry entry(String id, String kind, Map<String, Object> data) {
        return new Entry(id, kind, Map.of(), data, Origin.RUNTIME);
    }

    private static final Entry HOST = entry("app:host", "process.host", Map.of());
    private static final Entry WORKER = entry("app:worker", "process.lua", Map.of("method", "main"));
    private static final Entry SERVICE = entry("app:svc", "process.service",
            Map.of("process", "worker", "host", "app:host"));

    private static List<String> ops(List<Change> changes) {
        return changes.stream().map(c -> c.op().text() + " " + c.id()).toList();
    }

    @Test
    void unchangedEntriesAreLeftOutAndChangedOnesReplaced() {
        Entry plan = entry("shop:plan", "registry.entry", Map.of("seats", 10));
        Entry bigger = entry("shop:plan", "registry.entry", Map.of("seats", 50));
        Entry same = new Entry("shop:same", "registry.entry", Map.of(), Map.of(), new Origin(null, 7));
        List<Change> delta = Delta.between(List.of(plan, same, HOST), List.of(bigger, entry("shop:same",
                "registry.entry", Map.of()), WORKER));
        assertThat(ops(delta)).containsExactly("entry.delete app:host", "entry.update shop:plan",
                "entry.create app:worker");
        assertThat(delta.get(1).entry()).isSameAs(bigger);
    }

    @Test
    void createsComeAfterWhatTheyReferToAndDeletesBefore() {
        assertThat(ops(Delta.between(List.of(), List.of(SERVICE, WORKER, HOST))))
                .containsExactly("entry.create app:worker", "entry.create app:host", "entry.create app:svc");
        assertThat(ops(Delta.between(List.of(WORKER, HOST, SERVICE), List.of())))
                .containsExactly("entry.delete app:svc", "entry.delete app:worker", "entry.delete app:host");
    }

    @Test
    void fullIdsCountAnywhereButBareWordsOnlyInReferenceFields() {
        Entry main = entry("app:main", "process.lua", Map.of());
        Entry caller = entry("app:caller", "process.lua", Map.of("method", "main"));
        Entry nested = entry("app:nested", "registry.entry", Map.of("deep", Map.of("list", List.of("app:main"))));
        assertThat(ops(Delta.between(List.of(), List.of(caller, main))))
                .as("'method: main' is no reference")
                .containsExactly("entry.create app:caller", "entry.create app:main");
        assertThat(ops(Delta.between(List.of(), List.of(nested, main))))
                .containsExactly("entry.create app:main", "entry.create app:nested");
    }

    @Test
    void referenceCyclesAreCutWhereTheyClose() {
        Entry a = entry("app:a", "process.service", Map.of("lifecycle", Map.of("requires", List.of("b"))));
        Entry b = entry("app:b", "process.service", Map.of("lifecycle", Map.of("requires", List.of("a"))));
        assertThat(ops(Delta.between(List.of(), List.of(a, b))))
                .containsExactly("entry.create app:b", "entry.create app:a");
    }
}
