package dev.wippy.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.errors.ErrorObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Writes a Lua value as JSON text (spec 03 §3.8.1). Metatables are ignored: only raw contents are written. */
final class JsonEncoder {
    /** Deepest table nesting written; deeper values are refused like those the decoder refuses. */
    static final int MAX_DEPTH = 128;

    private final JsonGenerator out;
    private final EmptyTables emptyTables;
    /** The tables from the root down to the one being written: meeting one of them again means a cycle. */
    private final Set<LuaTable> path = Collections.newSetFromMap(new IdentityHashMap<>());

    private JsonEncoder(JsonGenerator out, EmptyTables emptyTables) {
        this.out = out;
        this.emptyTables = emptyTables;
    }

    /**
     * The JSON text of {@code value}, as {@code json.encode} writes it.
     *
     * @throws IOException a {@link JsonFailure} for values JSON cannot hold
     */
    static LuaString encode(Object value) throws IOException {
        return encode(value, EmptyTables.AS_REMEMBERED);
    }

    /** The JSON text of {@code value}, with {@code emptyTables} choosing between {@code []} and {@code {}}. */
    static LuaString encode(Object value, EmptyTables emptyTables) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = Jackson.FACTORY.createGenerator(bytes)) {
            new JsonEncoder(g, emptyTables).write(value, null);
        }
        return LuaString.wrap(bytes.toByteArray());
    }

    /**
     * {@code value} in the data format of {@code format}: JSON, or a binary format with the same data model
     * (MessagePack for queue bodies).
     *
     * @throws IOException a {@link JsonFailure} for values the format cannot hold
     */
    static byte[] encode(Object value, JsonFactory format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = format.createGenerator(bytes)) {
            new JsonEncoder(g, EmptyTables.AS_REMEMBERED).write(value, null);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code value}, found under the object member {@code member} (null at the root and in arrays). */
    private void write(Object value, String member) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case Boolean b -> out.writeBoolean(b);
            case Long l -> out.writeNumber(l);
            case Double d -> writeFloat(d);
            // Decoding replaces bytes that are not UTF-8 with U+FFFD, as the spec asks.
            case LuaString s -> out.writeString(s.toString());
            case LuaTable t -> writeTable(t, member);
            case ErrorObject e -> out.writeString(e.message());
            // Functions, coroutines, channels and other userdata have no JSON form.
            default -> out.writeNull();
        }
    }

    private void writeFloat(double d) throws IOException {
        String text = JsonNumbers.floatText(d);
        if (text == null) {
            out.writeNull();
        } else {
            out.writeNumber(text);
        }
    }

    private void writeTable(LuaTable t, String member) throws IOException {
        if (!path.add(t)) {
            throw new JsonFailure("cannot encode a table that contains itself");
        }
        if (path.size() > MAX_DEPTH) {
            throw new JsonFailure("cannot encode tables nested deeper than " + MAX_DEPTH + " levels");
        }
        long length = TableShape.arrayLength(t);
        if (length == TableShape.OBJECT || length == 0 && emptyTables.asObject(t, member)) {
            writeObject(t);
        } else {
            out.writeStartArray();
            for (long i = 1; i <= length; i++) {
                write(t.getInt(i), null);
            }
            out.writeEndArray();
        }
        path.remove(t);
    }

    private void writeObject(LuaTable t) throws IOException {
        out.writeStartObject();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            String name = memberName(t.slotKey(slot));
            if (name != null) {
                out.writeFieldName(name);
                write(t.slotValue(slot), name);
            }
        }
        out.writeEndObject();
    }

    /** The member name for a key, or null for keys of types JSON has no name for, which are skipped. */
    private static String memberName(Object key) {
        return switch (key) {
            case LuaString s -> s.toString();
            case Long l -> l.toString();
            // Infinite keys have no decimal text; Lua's own spelling is the least surprising stand-in.
            case Double d -> d.isInfinite() ? (d > 0 ? "inf" : "-inf") : JsonNumbers.floatText(d);
            case Boolean b -> b.toString();
            default -> null;
        };
    }
}
