package dev.wippy.runtime.app;

import dev.wippy.lua.Lua;
import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.syntax.LuaSyntaxError;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.EntryId;
import dev.wippy.runtime.registry.Registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compiles every Lua entry at start-up (spec 01 §2.1): the source comes from a {@code file://} path next to the
 * definition file or is inline text; imports must name existing libraries. Problems are boot errors that name the
 * file, line and entry.
 */
final class LuaEntries {
    private static final String FILE_PREFIX = "file://";

    private LuaEntries() {
    }

    /** Compiles the Lua entries; chunk names are source paths relative to {@code root}, as people see them. */
    static Map<String, LuaEntry> compile(Registry registry, Path root, Path src, Set<String> modules,
                                         Consumer<String> warn) {
        Map<String, LuaEntry> compiled = new LinkedHashMap<>();
        for (Entry e : registry.all()) {
            if (Kinds.LUA.contains(e.kind())) {
                compiled.put(e.id(), compile(registry, root, src, e, modules, warn));
            }
        }
        return compiled;
    }

    /** Compiles one Lua entry (also for entries created at run time, whose source is inline text). */
    static LuaEntry compile(Registry registry, Path root, Path src, Entry e, Set<String> modules,
                            Consumer<String> warn) {
        String source = e.string("source");
        if (source == null) {
            throw BootException.at(e, "missing required field 'source'");
        }
        CompiledChunk chunk;
        try {
            if (source.startsWith(FILE_PREFIX)) {
                Path file = sourceFile(src, e, source.substring(FILE_PREFIX.length()));
                chunk = Lua.compile(Files.readAllBytes(file), relative(root, file).toString());
            } else {
                chunk = Lua.compile(source, e.id());
            }
        } catch (LuaSyntaxError err) {
            throw new BootException(err.getMessage() + " (in entry " + e.id() + " declared at " + e.origin() + ")");
        } catch (IOException err) {
            throw BootException.at(e, "cannot read source: " + err.getMessage());
        }
        for (String m : e.strings("modules")) {
            if (!modules.contains(m)) {
                warn.accept(e.describe() + " lists module '" + m + "', which this runtime does not provide");
            }
        }
        return new LuaEntry(e.id(), chunk, e.string("method"), e.strings("modules"), imports(registry, e));
    }

    private static Path relative(Path root, Path file) {
        Path base = root.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs) : file;
    }

    private static Path sourceFile(Path src, Entry e, String relative) {
        if (e.origin().file() == null) {
            throw BootException.at(e, "a source " + FILE_PREFIX + relative
                    + " needs a definition file; entries created at run time carry their Lua text inline");
        }
        Path file = e.origin().directory().resolve(relative).normalize();
        if (!file.toAbsolutePath().normalize().startsWith(src.toAbsolutePath().normalize())) {
            throw BootException.at(e, "source " + FILE_PREFIX + relative + " is outside the source directory " + src);
        }
        if (!Files.isRegularFile(file)) {
            throw BootException.at(e, "source file " + file + " does not exist");
        }
        return file;
    }

    private static Map<String, String> imports(Registry registry, Entry e) {
        Object raw = e.field("imports");
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw BootException.at(e, "'imports' must map aliases to library entry IDs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((alias, target) -> {
            String id = EntryId.resolve(String.valueOf(target), e.namespace());
            Entry library = registry.get(id);
            if (library == null) {
                throw BootException.at(e, "import '" + alias + "' refers to " + id + ", which does not exist");
            }
            if (!Kinds.LIBRARIES.contains(library.kind())) {
                throw BootException.at(e, "import '" + alias + "' refers to " + id + ", a " + library.kind()
                        + " (a library.lua entry is needed)");
            }
            out.put(String.valueOf(alias), id);
        });
        return out;
    }
}
