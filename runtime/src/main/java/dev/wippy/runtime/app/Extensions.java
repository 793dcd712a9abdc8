package dev.wippy.runtime.app;

import dev.wippy.runtime.ext.Extension;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The extensions on the class path, in boot order, and the kinds whose data they read decoded. */
final class Extensions {
    private Extensions() {
    }

    static List<Extension> load() {
        return ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(Extension::order).thenComparing(x -> x.getClass().getName()))
                .toList();
    }

    /** The core's decoded kinds and those the extensions declare. */
    static Set<String> decodedKinds(List<Extension> extensions) {
        Set<String> kinds = new TreeSet<>(Kinds.DECODED);
        for (Extension x : extensions) {
            x.kinds().stream().filter(Extension.Kind::decoded).forEach(k -> kinds.add(k.name()));
        }
        return kinds;
    }
}
