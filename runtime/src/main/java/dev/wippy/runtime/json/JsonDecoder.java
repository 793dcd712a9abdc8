package dev.wippy.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON text into Lua values (spec 03 §3.8.2). Only strict JSON is accepted: no comments, no NaN. */
final class JsonDecoder {
    /** Deepest array/object nesting read; deeper text is refused before it can exhaust the stack. */
    static final int MAX_DEPTH = 128;

    private JsonDecoder() {
    }

    /**
     * The Lua value of {@code text}: nil for JSON {@code null}.
     *
     * @throws JsonFailure for text that is not exactly one JSON value
     */
    static Object decode(LuaString text) throws JsonFailure {
        try {
            // Bytes that are not UTF-8 become U+FFFD here, the same rule the encoder applies.
            return decode(Jackson.FACTORY.createParser(text.toString()));
        } catch (JsonFailure e) {
            throw e;
        } catch (IOException e) {
            throw new JsonFailure(e.getMessage());
        }
    }

    /**
     * The Lua value of {@code bytes} in the data format of {@code format}: JSON, or a binary format with the same
     * data model (MessagePack for queue bodies).
     *
     * @throws JsonFailure for bytes that are not exactly one value
     */
    static Object decode(byte[] bytes, JsonFactory format) throws JsonFailure {
        try {
            if (format instanceof MessagePackFactory) {
                WholeMessagePack.check(bytes);
            }
            return decode(format.createParser(bytes));
        } catch (JsonFailure e) {
            throw e;
        } catch (IOException e) {
            throw new JsonFailure(e.getMessage());
        }
    }

    private static Object decode(JsonParser parser) throws JsonFailure {
        try (JsonParser p = parser) {
            Object value = value(p, p.nextToken(), 0);
            if (somethingFollows(p)) {
                throw new JsonFailure("unexpected " + p.getText() + " after the JSON value"
                        + at(p.currentTokenLocation()));
            }
            return value;
        } catch (StreamReadException e) {
            throw new JsonFailure(problem(e));
        } catch (JsonFailure e) {
            throw e;
        } catch (IOException e) {
            throw new JsonFailure(e.getMessage());
        } catch (RuntimeException e) {
            // MessagePack's parser fails on some malformed input with a NullPointerException and the like
            throw new JsonFailure("unreadable input: " + e.getMessage());
        }
    }

    /** Whether more input follows the value; MessagePack reports its clean end as an EOF exception. */
    private static boolean somethingFollows(JsonParser p) throws IOException {
        try {
            return p.nextToken() != null;
        } catch (JsonEOFException e) {
            return false;
        }
    }

    private static Object value(JsonParser p, JsonToken token, int depth) throws IOException {
        if (token == null) {
            throw new JsonFailure("unexpected end of JSON input");
        }
        return switch (token) {
            case START_ARRAY -> array(p, depth + 1);
            case START_OBJECT -> object(p, depth + 1);
            case VALUE_STRING -> string(p.getText());
            // Integers too large for 64 bits keep their magnitude as floats rather than failing. The casts stop
            // Java from widening the long branch to double.
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonFailure("unexpected " + p.getText() + at(p.currentTokenLocation()));
        };
    }

    private static LuaTable array(JsonParser p, int depth) throws IOException {
        checkDepth(p, depth);
        List<Object> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            items.add(value(p, t, depth));
        }
        LuaTable table = new LuaTable(items.size(), 0);
        for (int i = 0; i < items.size(); i++) {
            // A null leaves a hole at its index, so later elements keep their positions.
            table.putInt(i + 1, items.get(i));
        }
        return table;
    }

    private static LuaTable object(JsonParser p, int depth) throws IOException {
        checkDepth(p, depth);
        LuaTable table = new LuaTable();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            LuaString name = string(p.currentName());
            // A null member leaves the key absent; with duplicate names the last one wins.
            table.putStr(name, value(p, p.nextToken(), depth));
        }
        if (t != JsonToken.END_OBJECT) {
            // JSON cannot get here; a MessagePack map can have a nil or an array as a key
            throw new JsonFailure("an object key that is not a string or a number" + at(p.currentTokenLocation()));
        }
        ObjectTables.rememberObject(table);
        return table;
    }

    private static void checkDepth(JsonParser p, int depth) throws JsonFailure {
        if (depth > MAX_DEPTH) {
            throw new JsonFailure("JSON nested deeper than " + MAX_DEPTH + " levels" + at(p.currentTokenLocation()));
        }
    }

    /** Lone surrogates from {@code \\uD800}-style escapes have no UTF-8 form; they become U+FFFD. */
    private static LuaString string(String s) {
        StringBuilder fixed = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(s);
                }
                fixed.setCharAt(i, '\uFFFD');
            }
        }
        return LuaString.of(fixed == null ? s : fixed.toString());
    }

    /** What is wrong with malformed text and where, in words for a Lua caller. */
    static String problem(StreamReadException e) {
        if (e instanceof JsonEOFException) {
            return "unexpected end of JSON input";
        }
        // Jackson suggests enabling its lenient parser features, which means nothing to a Lua caller.
        return e.getOriginalMessage().replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(" \\(not recognized as one since [^)]*\\)", "") + at(e.getLocation());
    }

    private static String at(JsonLocation where) {
        return " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }
}
