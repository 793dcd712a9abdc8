package dev.wippy.lua.syntax;

/**
 * A token with its position. {@code text} is what PUC shows in "near" messages for names, strings and numerals
 * (the characters read, string delimiters included); {@code value} is a name (String), string contents (byte[]) or
 * number (Long/Double).
 */
record Token(Tok kind, int line, int column, String text, Object value) {
    /** The token as PUC quotes it after "near". */
    String near() {
        return switch (kind) {
            case EOF -> "<eof>";
            case NAME, STRING, INT, FLT -> "'" + text + "'";
            default -> "'" + kind.text + "'";
        };
    }

    boolean is(Tok k) {
        return kind == k;
    }

    /** A name token with this exact text (for contextual words such as {@code type}). */
    boolean isWord(String word) {
        return kind == Tok.NAME && text.equals(word);
    }
}
