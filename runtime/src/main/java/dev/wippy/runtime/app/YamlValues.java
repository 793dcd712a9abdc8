package dev.wippy.runtime.app;

import dev.wippy.runtime.values.Frozen;

/** YAML values (from entry data) as Lua values, e.g. a service's {@code input} arguments. */
final class YamlValues {
    private YamlValues() {
    }

    static Object toLua(Object v) {
        return Frozen.thaw(Frozen.fromJava(v));
    }
}
