package dev.wippy.runtime.app;

import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.util.Set;

/** Checks the references this runtime follows at start-up; a missing or wrong target stops the boot. */
final class References {
    private References() {
    }

    static void check(Registry registry) {
        for (Entry e : registry.ofKind(Kinds.PROCESS_SERVICE)) {
            registry.target(e, "process", Set.of(Kinds.PROCESS_LUA));
            registry.target(e, "host", Set.of(Kinds.PROCESS_HOST));
        }
        for (Entry e : registry.all()) {
            for (String path : new String[] {"lifecycle.requires", "lifecycle.depends_on"}) {
                for (String r : e.strings(path)) {
                    String id = r.contains(":") ? r : e.namespace() + ":" + r;
                    if (registry.get(id) == null) {
                        throw BootException.at(e, path + " refers to " + id + ", which does not exist");
                    }
                }
            }
        }
    }
}
