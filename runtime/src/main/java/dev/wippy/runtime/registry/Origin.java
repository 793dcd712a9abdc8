package dev.wippy.runtime.registry;

import java.nio.file.Path;

/** Where an entry was declared: a definition file and the line its mapping starts on (1-based; 0 when unknown). */
public record Origin(Path file, int line) {
    public static final Origin RUNTIME = new Origin(null, 0);

    /** The directory that {@code file://} values of this entry are relative to. */
    public Path directory() {
        return file.getParent();
    }

    @Override
    public String toString() {
        if (file == null) {
            return "(created at run time)";
        }
        return line > 0 ? file + ":" + line : file.toString();
    }
}
