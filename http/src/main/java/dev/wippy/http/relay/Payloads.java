package dev.wippy.http.relay;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.json.JsonModule;
import dev.wippy.runtime.process.Message;
import dev.wippy.runtime.values.Frozen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What a message's payload looks like to a relayed client: text as it is, bytes as base64, tables as JSON. */
final class Payloads {
    private Payloads() {
    }

    static Object value(Message m) {
        return Frozen.thaw(m.payload().frozen());
    }

    /** The text of an SSE {@code data} field for a payload value. */
    static String text(Object value) throws IOException {
        if (value instanceof LuaString s) {
            String utf8 = utf8(s.toByteArray());
            return utf8 != null ? utf8 : Base64.getEncoder().encodeToString(s.toByteArray());
        }
        return json(value);
    }

    /** The JSON of a payload value for a WebSocket frame: byte strings that are not UTF-8 become base64. */
    static String frameJson(Object value) throws IOException {
        if (value instanceof LuaString s && utf8(s.toByteArray()) == null) {
            return json(LuaString.of(Base64.getEncoder().encodeToString(s.toByteArray())));
        }
        return json(value);
    }

    static String json(Object value) throws IOException {
        return new String(JsonModule.encode(value, JsonModule.jsonFormat()), StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
