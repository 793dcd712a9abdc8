package dev.wippy.runtime.registry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registry filters (spec 01 §4.3). */
class EntryFilterTest {
    private static final Entry HANDLER = new Entry("app.api:list_users", "function.lua", Map.of(
            "ui.hidden", "true",
            "temporal", Map.of("workflow", Map.of("worker", "app:worker")),
            "tags", List.of("backend", "api"),
            "path", "/api/users",
            "beta", true,
            "order", 3,
            "nested", Map.of("a", 1)), Map.of(), Origin.RUNTIME);
    private static final Entry PLAN = new Entry("shop:plan.pro", "registry.entry",
            Map.of("type", "billing.plan"), Map.of("seats", 10), Origin.RUNTIME);
    private static final Entry DEEP = new Entry("app.api.v2:get", "function.lua", Map.of(), Map.of(), Origin.RUNTIME);
    private static final List<Entry> ALL = List.of(PLAN, HANDLER, DEEP);

    private static List<String> ids(Map<String, String> conditions) {
        return EntryFilter.of(conditions, key -> { }).select(ALL).stream().map(Entry::id).toList();
    }

    @Test
    void metaPathsAreLiteralKeysFirstThenNestedFields() {
        assertThat(ids(Map.of("meta.ui.hidden", "true"))).containsExactly("app.api:list_users");
        assertThat(ids(Map.of("meta.temporal.workflow.worker", "app:worker"))).containsExactly("app.api:list_users");
        assertThat(ids(Map.of("meta.type", "billing.plan"))).containsExactly("shop:plan.pro");
    }

    @Test
    void intrinsicFieldsUseGlobsWhereOneStarStopsAtDotsAndTwoDoNot() {
        assertThat(ids(Map.of(".kind", "function.*"))).containsExactly("app.api.v2:get", "app.api:list_users");
        assertThat(ids(Map.of(".kind", "function"))).isEmpty();
        assertThat(ids(Map.of(".ns", "app.*"))).containsExactly("app.api:list_users");
        assertThat(ids(Map.of(".ns", "app.**"))).containsExactly("app.api.v2:get", "app.api:list_users");
        assertThat(ids(Map.of(".name", "plan.pro", ".id", "shop:**"))).containsExactly("shop:plan.pro");
        assertThat(ids(Map.of(".id", "shop:*"))).as("the name has a dot").isEmpty();
    }

    @Test
    void keyPrefixesChooseRegexContainsPrefixAndSuffix() {
        assertThat(ids(Map.of("~meta.path", "^/api/.*s$"))).containsExactly("app.api:list_users");
        assertThat(ids(Map.of("~meta.path", "users"))).as("a regex may match anywhere").hasSize(1);
        assertThat(ids(Map.of("*meta.path", "pi/us"))).hasSize(1);
        assertThat(ids(Map.of("*meta.tags", "backend"))).as("a list contains an element").hasSize(1);
        assertThat(ids(Map.of("*meta.tags", "back"))).as("list elements must be equal").isEmpty();
        assertThat(ids(Map.of("^meta.path", "/api"))).hasSize(1);
        assertThat(ids(Map.of("$.name", "users"))).containsExactly("app.api:list_users");
    }

    @Test
    void valuesCompareAsTextAndMissingFieldsOrMappingsNeverMatch() {
        assertThat(ids(Map.of("meta.beta", "true", "meta.order", "3"))).hasSize(1);
        assertThat(ids(Map.of("meta.order", "3.0"))).isEmpty();
        assertThat(ids(Map.of("meta.missing", "**"))).isEmpty();
        assertThat(ids(Map.of("meta.nested", "**"))).isEmpty();
        assertThat(ids(Map.of("meta.type", "billing.plan", ".kind", "function.lua"))).as("all must hold").isEmpty();
    }

    @Test
    void bareKeysAreAcceptedAsLegacyIntrinsicOrMetaFields() {
        List<String> legacy = new ArrayList<>();
        EntryFilter f = EntryFilter.of(Map.of("kind", "registry.entry", "type", "billing.plan"), legacy::add);
        assertThat(f.select(ALL)).containsExactly(PLAN);
        assertThat(legacy).containsExactlyInAnyOrder("kind", "type");
    }

    @Test
    void unknownIntrinsicFieldsAndBadRegexesAreRefused() {
        assertThatThrownBy(() -> EntryFilter.of(Map.of(".color", "red"), k -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".color");
        assertThatThrownBy(() -> EntryFilter.of(Map.of("~meta.path", "(unclosed"), k -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(unclosed");
    }
}
