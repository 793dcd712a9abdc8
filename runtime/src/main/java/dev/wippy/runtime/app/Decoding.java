package dev.wippy.runtime.app;

import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How kind handlers see the registry: entries of the decoded kinds with their data run through the decoder (the
 * environment's placeholder resolution), all others as written.
 */
final class Decoding {
    private final Set<String> kinds;
    private UnaryOperator<Entry> decoder = UnaryOperator.identity();

    Decoding(Set<String> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    void decoder(UnaryOperator<Entry> decoder) {
        this.decoder = decoder;
    }

    /** @throws dev.wippy.runtime.registry.BootException naming the entry whose data cannot be decoded */
    Registry apply(Registry registry) {
        return new Registry(registry.version(), registry.all().stream()
                .map(e -> kinds.contains(e.kind()) ? decoder.apply(e) : e).toList());
    }
}
