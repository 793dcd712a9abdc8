package dev.wippy.runtime.uuid;

import dev.wippy.lua.vm.LuaString;

import java.util.UUID;

/**
 * The text forms of UUIDs (spec 03 §3.9). Parsing is ours rather than {@link UUID#fromString}, which accepts
 * short groups such as {@code 1-2-3-4-5} and non-ASCII digits.
 */
final class UuidText {
    private static final String URN = "urn:uuid:";
    private static final int STANDARD = 36;
    private static final int SIMPLE = 32;

    private UuidText() {
    }

    /**
     * The UUID in {@code text}, or null when it is not one of the accepted forms: standard, 32 hex digits,
     * standard in braces, or {@code urn:uuid:} and standard. Hex digits and the prefix are case-insensitive.
     */
    static UUID parse(LuaString text) {
        String s = text.toString();
        if (s.length() == STANDARD + 2 && s.charAt(0) == '{' && s.charAt(STANDARD + 1) == '}') {
            s = s.substring(1, STANDARD + 1);
        } else if (s.length() == URN.length() + STANDARD && s.regionMatches(true, 0, URN, 0, URN.length())) {
            s = s.substring(URN.length());
        }
        if (s.length() == STANDARD) {
            s = withoutHyphens(s);
        }
        return s != null && s.length() == SIMPLE ? fromHex(s) : null;
    }

    /** The 32 digits of a standard form, or null when a hyphen is missing or misplaced. */
    private static String withoutHyphens(String s) {
        for (int i : new int[] {8, 13, 18, 23}) {
            if (s.charAt(i) != '-') {
                return null;
            }
        }
        return s.substring(0, 8) + s.substring(9, 13) + s.substring(14, 18) + s.substring(19, 23) + s.substring(24);
    }

    private static UUID fromHex(String digits) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < SIMPLE; i++) {
            int d = hexValue(digits.charAt(i));
            if (d < 0) {
                return null;
            }
            if (i < SIMPLE / 2) {
                msb = msb << 4 | d;
            } else {
                lsb = lsb << 4 | d;
            }
        }
        return new UUID(msb, lsb);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** {@code style} is {@code standard}, {@code simple} or {@code urn}; null for any other style. */
    static String format(UUID id, String style) {
        String standard = standard(id);
        return switch (style) {
            case "standard" -> standard;
            case "simple" -> standard.replace("-", "");
            case "urn" -> URN + standard;
            default -> null;
        };
    }

    /** The lowercase 36-character form every generator and function returns. */
    static String standard(UUID id) {
        return id.toString();
    }
}
