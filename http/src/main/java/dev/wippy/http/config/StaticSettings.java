package dev.wippy.http.config;

import dev.wippy.runtime.registry.Entry;

import java.nio.file.Path;
import java.util.List;

/**
 * An {@code http.static} (spec 07 §1.5): a mount path on a server and the directory of its {@code fs.directory}.
 *
 * @param cache the {@code Cache-Control} value of every answer, or null
 */
public record StaticSettings(Entry entry, String serverId, String path, Path root, boolean spa, String index,
                             String cache, List<String> middleware, Options options) {
    public String id() {
        return entry.id();
    }
}
