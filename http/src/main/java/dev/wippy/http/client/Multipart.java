package dev.wippy.http.client;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The multipart/form-data body of the {@code files} option (spec 07 §4.2): form fields first, then each file with
 * {@code name} and {@code content} as {@code application/octet-stream}; entries without a name or content are
 * skipped.
 */
final class Multipart {
    private Multipart() {
    }

    static byte[] encode(LuaTable files, Map<String, String> fields, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> {
            text(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(k) + "\"\r\n\r\n");
            text(out, v + "\r\n");
        });
        for (long i = 1; i <= files.length(); i++) {
            if (!(files.getInt(i) instanceof LuaTable f)) {
                continue;
            }
            String name = f.getStr(LuaString.of("name")) instanceof LuaString n ? n.toString() : "";
            String filename = f.getStr(LuaString.of("filename")) instanceof LuaString n ? n.toString() : name;
            if (name.isEmpty() || !(f.getStr(LuaString.of("content")) instanceof LuaString content)
                    || content.length() == 0) {
                continue;
            }
            text(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                    + "\"; filename=\"" + quote(filename) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content.toByteArray());
            text(out, "\r\n");
        }
        text(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
