package dev.wippy.lua;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one file of the official Lua test suite from the working directory the way its README allows for a portable,
 * "soft" run: {@code _port=true;_soft=true;} prepended to the file (on its first line, so line numbers stay).
 */
public final class PortableSuiteFile {
    private PortableSuiteFile() {}

    public static void main(String[] args) throws Exception {
        String file = args[0];
        byte[] prefix = "_port=true;_soft=true;".getBytes(StandardCharsets.US_ASCII);
        byte[] text = Files.readAllBytes(Path.of(file));
        byte[] source = new byte[prefix.length + text.length];
        System.arraycopy(prefix, 0, source, 0, prefix.length);
        System.arraycopy(text, 0, source, prefix.length, text.length);
        System.exit(Standalone.run(file, source, List.of(), System.in, System.out, System.err));
    }
}
