package dev.wippy.runtime.registry;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads one YAML document with its node tree (for line numbers), turning parser failures into boot errors. */
public final class YamlFiles {
    private YamlFiles() {
    }

    /** A parsed document: the node tree and the plain Java value built from it (null for an empty file). */
    public record Document(Node node, Object value) {}

    public static Document read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BootException(file + ": cannot read: " + e.getMessage());
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).build();
        try {
            Optional<Node> node = new Compose(settings).composeString(text);
            if (node.isEmpty()) {
                return new Document(null, null);
            }
            return new Document(node.get(), new StandardConstructor(settings).constructSingleDocument(node));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String where = mark == null ? file.toString() : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new BootException(where + ": invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new BootException(file + ": invalid YAML: " + e.getMessage());
        }
    }

    /** The 1-based line a node starts on, or 0. */
    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
