package dev.wippy.runtime.json;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compiled schemas are cached by content, evicting the least recently used beyond the capacity. */
class SchemaCacheTest {
    private final List<String> compiled = new ArrayList<>();
    private final SchemaCache<String> cache = new SchemaCache<>(3);

    private String get(String text) throws JsonFailure {
        return cache.get(text, t -> {
            compiled.add(t);
            return "compiled " + t;
        });
    }

    @Test
    void theSameTextIsCompiledOnce() throws JsonFailure {
        assertThat(get("a")).isEqualTo("compiled a");
        assertThat(get("a")).isEqualTo("compiled a");
        assertThat(compiled).containsExactly("a");
    }

    @Test
    void theLeastRecentlyUsedIsDroppedBeyondCapacity() throws JsonFailure {
        get("a");
        get("b");
        get("c");
        get("a");
        get("d");
        get("a");
        get("c");
        get("b");
        assertThat(compiled).containsExactly("a", "b", "c", "d", "b");
    }

    @Test
    void failuresAreNotCached() {
        assertThatThrownBy(() -> cache.get("bad", t -> {
            compiled.add(t);
            throw new JsonFailure("no");
        })).isInstanceOf(JsonFailure.class);
        assertThatThrownBy(() -> cache.get("bad", t -> {
            compiled.add(t);
            throw new JsonFailure("no");
        })).isInstanceOf(JsonFailure.class);
        assertThat(compiled).containsExactly("bad", "bad");
    }
}
