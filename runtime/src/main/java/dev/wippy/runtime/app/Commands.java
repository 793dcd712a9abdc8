package dev.wippy.runtime.app;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.Values;

import java.util.Map;
import java.util.TreeMap;

/** Named commands: process entries with {@code meta.command.name} (spec 01 §5.3.4), unique across the app. */
final class Commands {
    private Commands() {
    }

    static Map<String, String> of(Registry registry) {
        Map<String, String> byName = new TreeMap<>();
        Map<String, Entry> declared = new TreeMap<>();
        for (Entry e : registry.all()) {
            Object name = Values.at(e.meta(), "command.name");
            if (name == null) {
                continue;
            }
            Entry first = declared.putIfAbsent(name.toString(), e);
            if (first != null) {
                throw BootException.at(e, "command '" + name + "' is already declared by " + first.describe());
            }
            if ("list".equals(name.toString())) {
                throw BootException.at(e, "'list' is reserved and cannot be a command name");
            }
            byName.put(name.toString(), e.id());
        }
        return byName;
    }
}
