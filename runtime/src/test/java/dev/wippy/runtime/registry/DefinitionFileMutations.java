package dev.wippy.runtime.registry;

import dev.wippy.lua.fuzz.ByteMutation;

import java.util.List;
import java.util.Random;

/** Edits for definition files: YAML's structure, its tags, anchors and scalars, and the registry's own keys. */
public final class DefinitionFileMutations {
    private static final List<String> TOKENS = List.of(
            ": ", "- ", "-", "{", "}", "[", "]", ",", "&a ", "*a", "&x [*x]", "&y {k: *y}", "<<: *a", "!!str ",
            "!!int ", "!!binary ", "!!map ", "!!set ", "!custom ", "? ", "|", ">-", "#", "---\n", "...\n", "\t",
            "\n", "\n  ", "\n      ", "~", "null", "true", "0x1F", ".inf", ".nan", "1e999", "-0",
            "99999999999999999999", "'", "\"", "\"\\u0000\"", "%YAML 1.2\n", "\u0000", "\u00ff", "name: ", "name: x",
            "kind: ", "kind: process.lua", "kind: process.service", "kind: process.host", "kind: function.lua",
            "kind: library.lua", "kind: queue.queue", "kind: env.variable", "entries:", "entries: 5", "namespace: ",
            "namespace: a.b", "lifecycle: {auto_start: true}", "lifecycle: 5", "meta: 5", "meta: {depends_on: [x]}",
            "source: file://nowhere.lua", "source: 5", "source: file://../../etc", "method: ", "method: 5",
            "modules: [", "modules: 5", "imports: {a: b}", "imports: 5", "host: ", "host.workers: 0",
            "process: x", "depends_on: [app:x]", "driver: x", "codec: x", "restart: {max_attempts: -1}",
            "timeout: 1x", "timeout: -5s", "pool: {size: 0}", "pool: 5");

    private DefinitionFileMutations() {
    }

    public static List<ByteMutation> mutations(Random random) {
        return ByteMutation.list(random, TOKENS, 60);
    }
}
