package dev.wippy.lua.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Lua source bytes into tokens, with PUC's rules and error messages: numerals read greedily then
 * converted, all string escapes, long brackets, line breaks {@code \n}, {@code \r}, {@code \r\n}, {@code \n\r}
 * counted once. Keeps a small look-ahead buffer for the parser.
 */
final class Lexer {
    private final byte[] src;
    private final String chunk;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final List<Token> ahead = new ArrayList<>(4);
    /** Line of the last token consumed, for PUC's "near" line attribution of some messages. */
    int lastLine = 1;

    Lexer(byte[] src, String chunk) {
        this.src = src;
        this.chunk = chunk;
    }

    /** The token {@code k} positions ahead (0 = current). */
    Token peek(int k) {
        while (ahead.size() <= k) {
            ahead.add(scan());
        }
        return ahead.get(k);
    }

    Token current() {
        return peek(0);
    }

    Token next() {
        Token t = peek(0);
        ahead.removeFirst();
        lastLine = t.line();
        return t;
    }

    /** Replaces the current token (used to split {@code >>} and {@code >=} when closing type arguments). */
    void replaceCurrent(Token t) {
        ahead.set(0, t);
    }

    LuaSyntaxError error(String msg, Token near) {
        return new LuaSyntaxError(chunk, near.line(), near.column(), msg, near.near());
    }

    private LuaSyntaxError errorHere(String msg, Tok kind, String text) {
        String nearText = kind == Tok.EOF ? "<eof>" : "'" + text + "'";
        return new LuaSyntaxError(chunk, line, column(pos), msg, nearText);
    }

    private int column(int p) {
        return p - lineStart + 1;
    }

    // ---------------------------------------------------------------- scanning

    private int cur() {
        return pos < src.length ? src[pos] & 0xff : -1;
    }

    private int at(int p) {
        return p < src.length ? src[p] & 0xff : -1;
    }

    private boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    /** Consumes a line break sequence at {@code pos} and counts the line. */
    private void newline() {
        int c = cur();
        pos++;
        if (isNewline(cur()) && cur() != c) {
            pos++;
        }
        line++;
        lineStart = pos;
    }

    private Token token(Tok kind, int startCol) {
        return new Token(kind, line, startCol, null, null);
    }

    private Token scan() {
        while (true) {
            int c = cur();
            int start = pos;
            int startCol = column(pos);
            switch (c) {
                case -1 -> {
                    return new Token(Tok.EOF, line, startCol, null, null);
                }
                case '\n', '\r' -> newline();
                case ' ', '\t', 0x0b, '\f' -> pos++;
                case '-' -> {
                    if (at(pos + 1) == '>') {
                        pos += 2;
                        return token(Tok.ARROW, startCol);
                    }
                    if (at(pos + 1) != '-') {
                        pos++;
                        return token(Tok.MINUS, startCol);
                    }
                    pos += 2;
                    if (cur() == '[') {
                        int sep = skipSeparator();
                        if (sep >= 2) {
                            readLongString(sep, false, start);
                            continue;
                        }
                    }
                    while (cur() != -1 && !isNewline(cur())) {
                        pos++;
                    }
                }
                case '[' -> {
                    int startLine = line;
                    int sep = skipSeparator();
                    if (sep >= 2) {
                        byte[] value = readLongString(sep, true, start);
                        return new Token(Tok.STRING, startLine, startCol, latin1(start, pos), value);
                    }
                    if (sep == 0) {
                        throw errorHere("invalid long string delimiter", Tok.STRING, latin1(start, pos));
                    }
                    return token(Tok.LBRACKET, startCol);
                }
                case '=' -> {
                    return two('=', Tok.EQ, Tok.ASSIGN, startCol);
                }
                case '<' -> {
                    if (at(pos + 1) == '<') {
                        pos += 2;
                        return token(Tok.SHL, startCol);
                    }
                    return two('=', Tok.LE, Tok.LT, startCol);
                }
                case '>' -> {
                    if (at(pos + 1) == '>') {
                        pos += 2;
                        return token(Tok.SHR, startCol);
                    }
                    return two('=', Tok.GE, Tok.GT, startCol);
                }
                case '/' -> {
                    return two('/', Tok.IDIV, Tok.SLASH, startCol);
                }
                case '~' -> {
                    return two('=', Tok.NE, Tok.TILDE, startCol);
                }
                case ':' -> {
                    return two(':', Tok.DBCOLON, Tok.COLON, startCol);
                }
                case '!' -> {
                    if (at(pos + 1) == '=') {
                        pos += 2;
                        throw new LuaSyntaxError(chunk, line, startCol, "'!=' is not an operator (use '~=')",
                                "'!='");
                    }
                    pos++;
                    return token(Tok.BANG, startCol);
                }
                case '"', '\'' -> {
                    return readString(c, startCol);
                }
                case '.' -> {
                    if (at(pos + 1) == '.') {
                        if (at(pos + 2) == '.') {
                            pos += 3;
                            return token(Tok.DOTS, startCol);
                        }
                        pos += 2;
                        return token(Tok.CONCAT, startCol);
                    }
                    if (isDigit(at(pos + 1))) {
                        return readNumeral(startCol);
                    }
                    pos++;
                    return token(Tok.DOT, startCol);
                }
                default -> {
                    if (isDigit(c)) {
                        return readNumeral(startCol);
                    }
                    if (isAlpha(c)) {
                        while (isAlnum(cur())) {
                            pos++;
                        }
                        String word = latin1(start, pos);
                        Tok reserved = Tok.reserved(word);
                        return new Token(reserved != null ? reserved : Tok.NAME, line, startCol, word, word);
                    }
                    Tok single = single(c);
                    if (single == null) {
                        String shown = c < 0x20 || c >= 0x7f ? "<\\" + c + ">" : String.valueOf((char) c);
                        pos++;
                        throw new LuaSyntaxError(chunk, line, startCol, "unexpected symbol", "'" + shown + "'");
                    }
                    pos++;
                    return token(single, startCol);
                }
            }
        }
    }

    private Token two(char second, Tok ifTwo, Tok ifOne, int startCol) {
        if (at(pos + 1) == second) {
            pos += 2;
            return new Token(ifTwo, line, startCol, null, null);
        }
        pos++;
        return new Token(ifOne, line, startCol, null, null);
    }

    private static Tok single(int c) {
        return switch (c) {
            case '+' -> Tok.PLUS;
            case '*' -> Tok.STAR;
            case '%' -> Tok.PERCENT;
            case '^' -> Tok.CARET;
            case '#' -> Tok.HASH;
            case '&' -> Tok.AMP;
            case '|' -> Tok.PIPE;
            case '(' -> Tok.LPAREN;
            case ')' -> Tok.RPAREN;
            case '{' -> Tok.LBRACE;
            case '}' -> Tok.RBRACE;
            case ']' -> Tok.RBRACKET;
            case ';' -> Tok.SEMI;
            case ',' -> Tok.COMMA;
            case '?' -> Tok.QUESTION;
            case '@' -> Tok.AT;
            default -> null;
        };
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    private static boolean isHex(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private String latin1(int from, int to) {
        return new String(src, from, to - from, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- numerals

    private Token readNumeral(int startCol) {
        int start = pos;
        String expo = "Ee";
        if (cur() == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X')) {
            pos += 2;
            expo = "Pp";
        }
        while (true) {
            int c = cur();
            if (c != -1 && expo.indexOf(c) >= 0) {
                pos++;
                if (cur() == '+' || cur() == '-') {
                    pos++;
                }
            } else if (isHex(c) || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        if (isAlpha(cur())) {
            pos++;
        }
        String text = latin1(start, pos);
        Object value = Numerals.parse(src, start, pos);
        if (value == null) {
            throw new LuaSyntaxError(chunk, line, startCol, "malformed number", "'" + text + "'");
        }
        return new Token(value instanceof Long ? Tok.INT : Tok.FLT, line, startCol, text, value);
    }

    // ---------------------------------------------------------------- strings

    /** At '[': counts '=' signs; returns count + 2 for a well-formed "[==[", 1 for a lone '[', 0 for "[==". */
    private int skipSeparator() {
        int p = pos + 1;
        int count = 0;
        while (at(p) == '=') {
            p++;
            count++;
        }
        if (at(p) == '[') {
            pos = p + 1;
            return count + 2;
        }
        pos = p;
        return count == 0 ? 1 : 0;
    }

    private byte[] readLongString(int sep, boolean isString, int start) {
        int startLine = line;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        if (isNewline(cur())) {
            newline();
        }
        while (true) {
            int c = cur();
            if (c == -1) {
                String what = isString ? "unfinished long string" : "unfinished long comment";
                throw new LuaSyntaxError(chunk, line, column(pos), what + " (starting at line " + startLine + ")",
                        "<eof>");
            }
            if (c == ']') {
                int p = pos + 1;
                int count = 0;
                while (at(p) == '=') {
                    p++;
                    count++;
                }
                if (at(p) == ']' && count == sep - 2) {
                    pos = p + 1;
                    return buf.toByteArray();
                }
                buf.write(c);
                pos++;
            } else if (isNewline(c)) {
                buf.write('\n');
                newline();
            } else {
                buf.write(c);
                pos++;
            }
        }
    }

    private Token readString(int delimiter, int startCol) {
        int startLine = line;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        pos++;
        while (true) {
            int c = cur();
            if (c == delimiter) {
                pos++;
                byte[] value = buf.toByteArray();
                String shown = (char) delimiter + new String(value, StandardCharsets.ISO_8859_1) + (char) delimiter;
                return new Token(Tok.STRING, startLine, startCol, shown, value);
            }
            if (c == -1) {
                throw new LuaSyntaxError(chunk, line, column(pos), "unfinished string", "<eof>");
            }
            if (isNewline(c)) {
                throw unfinished(delimiter, buf, "unfinished string");
            }
            if (c != '\\') {
                buf.write(c);
                pos++;
                continue;
            }
            int escStart = pos;
            pos++;
            int e = cur();
            switch (e) {
                case 'a' -> escape(buf, 7);
                case 'b' -> escape(buf, '\b');
                case 'f' -> escape(buf, '\f');
                case 'n' -> escape(buf, '\n');
                case 'r' -> escape(buf, '\r');
                case 't' -> escape(buf, '\t');
                case 'v' -> escape(buf, 0x0b);
                case '\\', '"', '\'' -> escape(buf, e);
                case '\n', '\r' -> {
                    newline();
                    buf.write('\n');
                }
                case 'x' -> {
                    pos++;
                    int value = 0;
                    for (int k = 0; k < 2; k++) {
                        if (!isHex(cur())) {
                            throw escapeError(delimiter, buf, escStart, "hexadecimal digit expected");
                        }
                        value = value * 16 + Character.digit(cur(), 16);
                        pos++;
                    }
                    buf.write(value);
                }
                case 'z' -> {
                    pos++;
                    while (cur() != -1 && (cur() == ' ' || (cur() >= '\t' && cur() <= '\r'))) {
                        if (isNewline(cur())) {
                            newline();
                        } else {
                            pos++;
                        }
                    }
                }
                case 'u' -> utf8Escape(delimiter, buf, escStart);
                case -1 -> {
                    // raises "unfinished string" at the next iteration
                }
                default -> {
                    if (!isDigit(e)) {
                        throw escapeError(delimiter, buf, escStart, "invalid escape sequence");
                    }
                    int value = 0;
                    for (int k = 0; k < 3 && isDigit(cur()); k++) {
                        value = value * 10 + (cur() - '0');
                        pos++;
                    }
                    if (value > 255) {
                        throw escapeError(delimiter, buf, escStart, "decimal escape too large");
                    }
                    buf.write(value);
                }
            }
        }
    }

    private void escape(ByteArrayOutputStream buf, int b) {
        buf.write(b);
        pos++;
    }

    private void utf8Escape(int delimiter, ByteArrayOutputStream buf, int escStart) {
        pos++;
        if (cur() != '{') {
            throw escapeError(delimiter, buf, escStart, "missing '{' in \\u{xxxx}");
        }
        pos++;
        if (!isHex(cur())) {
            throw escapeError(delimiter, buf, escStart, "hexadecimal digit expected");
        }
        long value = Character.digit(cur(), 16);
        pos++;
        while (isHex(cur())) {
            if (value > (0x7FFFFFFFL >> 4)) {
                throw escapeError(delimiter, buf, escStart, "UTF-8 value too large");
            }
            value = value * 16 + Character.digit(cur(), 16);
            pos++;
        }
        if (cur() != '}') {
            throw escapeError(delimiter, buf, escStart, "missing '}' in \\u{xxxx}");
        }
        pos++;
        ExtendedUtf8.encode(buf, value);
    }

    /**
     * An escape error; PUC shows the string read so far, the escape's characters and the offending character (the
     * current one, unless at the end of input).
     */
    private LuaSyntaxError escapeError(int delimiter, ByteArrayOutputStream buf, int escStart, String msg) {
        int to = cur() == -1 ? pos : pos + 1;
        String shown = (char) delimiter + new String(buf.toByteArray(), StandardCharsets.ISO_8859_1)
                + latin1(escStart, to);
        return new LuaSyntaxError(chunk, line, column(pos), msg, "'" + shown + "'");
    }

    private LuaSyntaxError unfinished(int delimiter, ByteArrayOutputStream buf, String msg) {
        String shown = (char) delimiter + new String(buf.toByteArray(), StandardCharsets.ISO_8859_1);
        return new LuaSyntaxError(chunk, line, column(pos), msg, "'" + shown + "'");
    }
}
