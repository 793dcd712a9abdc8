package dev.wippy.runtime.registry;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one YAML file into registry entries (spec 01 §1.5): a mapping with {@code namespace} and either an
 * {@code entries} list or, in single-entry form, {@code name} and {@code kind} at the top level. Any other YAML
 * file is not a definition file and yields nothing.
 */
final class DefinitionFile {
    private static final Set<String> RESERVED = Set.of("name", "kind", "meta");
    private static final Set<String> FILE_KEYS = Set.of("version", "namespace", "entries");

    private DefinitionFile() {
    }

    static List<Entry> read(Path file) {
        YamlFiles.Document doc = YamlFiles.read(file);
        if (!(doc.value() instanceof Map<?, ?> top) || !(doc.node() instanceof MappingNode topNode)) {
            return List.of();
        }
        Object namespace = top.get("namespace");
        boolean listed = top.get("entries") instanceof List<?>;
        boolean single = top.containsKey("name") && top.containsKey("kind");
        if (namespace == null || !(listed || single)) {
            return List.of();
        }
        String ns = namespace.toString();
        if (!EntryId.isValidNamespace(ns)) {
            throw new BootException(file + ":" + YamlFiles.line(topNode) + ": invalid namespace '" + ns
                    + "' (dot-separated segments of letters, digits, '_' and '-')");
        }
        List<Entry> entries = new ArrayList<>();
        if (listed) {
            SequenceNode items = (SequenceNode) valueNode(topNode, "entries");
            List<?> values = (List<?>) top.get("entries");
            for (int i = 0; i < values.size(); i++) {
                Node item = items.getValue().get(i);
                entries.add(entry(file, ns, values.get(i), i + 1, YamlFiles.line(item), Set.of()));
            }
        } else {
            entries.add(entry(file, ns, top, 1, YamlFiles.line(topNode), FILE_KEYS));
        }
        return entries;
    }

    private static Entry entry(Path file, String ns, Object value, int position, int line, Set<String> skip) {
        String where = file + ":" + line;
        if (!(value instanceof Map<?, ?> map)) {
            throw new BootException(where + ": entry #" + position + " of namespace " + ns + " is not a mapping");
        }
        Object name = map.get("name");
        Object kind = map.get("kind");
        if (name == null || name.toString().isBlank()) {
            throw new BootException(where + ": entry #" + position + " of namespace " + ns
                    + (kind == null ? "" : " (kind " + kind + ")") + " has no name");
        }
        String id = ns + ":" + name;
        if (!EntryId.isValidName(name.toString())) {
            throw new BootException(where + ": entry " + id
                    + ": invalid name (letters, digits, '_', '.' and '-'; no ':')");
        }
        if (kind == null || kind.toString().isBlank()) {
            throw new BootException(where + ": entry " + id + " has no kind");
        }
        Object meta = map.get("meta");
        if (meta != null && !(meta instanceof Map<?, ?>)) {
            throw new BootException(where + ": entry " + id + ": meta must be a mapping");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : map.entrySet()) {
            String key = String.valueOf(field.getKey());
            if (!RESERVED.contains(key) && !skip.contains(key)) {
                data.put(key, field.getValue());
            }
        }
        return new Entry(id, kind.toString(), meta == null ? Map.of() : stringKeys((Map<?, ?>) meta),
                data, new Origin(file, line));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Node valueNode(MappingNode mapping, String key) {
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        throw new IllegalStateException("no key " + key);
    }
}
