package dev.wippy.runtime.registry;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BootException(file + ": cannot read: " + e.getMessage());
        }
        String text = utf8(file, bytes);
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).build();
        try {
            Optional<Node> node = new Compose(settings).composeString(text);
            if (node.isEmpty()) {
                return new Document(null, null);
            }
            return new Document(node.get(), new MarkingConstructor(settings).constructSingleDocument(node));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String where = mark == null ? file.toString() : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new BootException(where + ": invalid YAML: " + e.getProblem());
        } catch (ReaderException e) {
            throw new BootException(file + ":" + lineAt(text, e.getPosition()) + ": invalid YAML: " + e.getMessage()
                    + String.format(" (U+%04X)", e.getCodePoint()));
        } catch (YamlEngineException e) {
            throw new BootException(file + ": invalid YAML: " + e.getMessage());
        }
    }

    /** {@code bytes} as text; bytes that are not UTF-8 are a boot error with their line. */
    private static String utf8(Path file, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new BootException(file + ":" + line + ": invalid YAML: not UTF-8 text (byte "
                    + String.format("0x%02x", bytes[at] & 0xff) + ")");
        }
        return out.flip().toString();
    }

    /** The 1-based line of the {@code codePoints}-th code point of {@code text}. */
    private static int lineAt(String text, int codePoints) {
        int end = text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The 1-based line a node starts on, or 0. */
    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
