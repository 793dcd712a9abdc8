package dev.wippy.runtime.env;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * POSIX permission bits written in octal ({@code file_mode: 0600} or {@code "0600"}). A YAML 1.2 parser reads an
 * unquoted {@code 0600} as the decimal number 600, so a number's decimal digits are read as octal digits.
 */
final class OctalMode {
    /** Permission bits from 0400 down to 0001, in the enum's order. */
    private static final PosixFilePermission[] BITS = PosixFilePermission.values();

    private OctalMode() {
    }

    /**
     * The permissions {@code value} stands for.
     *
     * @throws IllegalArgumentException when it is not an octal mode between 0 and 0777
     */
    static Set<PosixFilePermission> parse(Object value) {
        String digits = value.toString().strip();
        int mode;
        try {
            mode = Integer.parseInt(digits, 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + digits + "' is not an octal mode such as 0644");
        }
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("'" + digits + "' is not an octal mode such as 0644");
        }
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                out.add(BITS[i]);
            }
        }
        return out;
    }
}
