package dev.wippy.http.lua;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.http.server.Exchange;
import dev.wippy.http.server.Reply;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.json.JsonModule;
import dev.wippy.runtime.lua.Methods;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The Response object of {@code http.response()} (spec 07 §2.8, §2.9): each method returns nil or an error. The
 * state is the request's, shared by every Response object of it.
 */
final class ResponseValue extends LuaUserdata {
    private static final String SSE_TYPE = "text/event-stream";
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        method(m, "set_status", (s, r, a) -> {
            Object code = Args.checkNumber(s, a, 1);
            long c = code instanceof Long l ? l : (long) (double) (Double) code;
            if (c < 100 || c > 999) {
                throw LuaError.library("invalid status code " + numberText(code));
            }
            Reply reply = r.x.reply();
            synchronized (reply) {
                if (reply.committed()) {
                    return invalid("cannot set status after headers are sent");
                }
                reply.setStatus((int) c);
                reply.commit();
                reply.markHandled();
            }
            return null;
        });
        method(m, "set_header", (s, r, a) -> {
            String name = Args.checkString(s, a, 1).toString();
            String value = stringOf(s, a, 2);
            Reply reply = r.x.reply();
            synchronized (reply) {
                if (reply.committed()) {
                    return invalid("cannot set headers after they are sent");
                }
                reply.setHeader(name, value);
                reply.markHandled();
            }
            return null;
        });
        method(m, "set_content_type", (s, r, a) -> {
            String type = Args.checkString(s, a, 1).toString();
            Reply reply = r.x.reply();
            synchronized (reply) {
                if (reply.committed()) {
                    return invalid("cannot set content type after headers are sent");
                }
                reply.setHeader("Content-Type", type);
            }
            return null;
        });
        method(m, "set_transfer", (s, r, a) -> {
            String mode = Args.checkString(s, a, 1).toString();
            if (!mode.equals("chunked") && !mode.equals("sse")) {
                throw LuaError.library("invalid transfer type: " + mode);
            }
            Reply reply = r.x.reply();
            synchronized (reply) {
                if (reply.committed()) {
                    return invalid("cannot set transfer mode after headers are sent");
                }
                if (mode.equals("chunked")) {
                    reply.setHeader("Transfer-Encoding", "chunked");
                } else {
                    reply.setHeader("Content-Type", SSE_TYPE);
                    reply.setHeader("Connection", "keep-alive");
                }
                reply.setHeader("Cache-Control", "no-cache");
            }
            return null;
        });
        method(m, "write", (s, r, a) -> {
            Object data = Args.arg(a, 1);
            if (!(data instanceof LuaString || data instanceof Long || data instanceof Double)) {
                throw Args.typeError(s, a, 1, "string");
            }
            byte[] bytes = data instanceof LuaString text ? text.toByteArray()
                    : numberText(data).getBytes(StandardCharsets.UTF_8);
            return r.send(bytes, false);
        });
        method(m, "write_json", (s, r, a) -> {
            byte[] bytes;
            try {
                bytes = JsonModule.encode(Args.arg(a, 1), JsonModule.jsonFormat());
            } catch (IOException e) {
                return invalid("failed to encode JSON: " + e.getMessage());
            }
            Reply reply = r.x.reply();
            synchronized (reply) {
                if (!reply.committed()) {
                    reply.setHeader("Content-Type", "application/json");
                }
            }
            return r.send(bytes, false);
        });
        method(m, "flush", (s, r, a) -> {
            Reply reply = r.x.reply();
            reply.markHandled();
            try {
                reply.flush();
            } catch (IOException e) {
                r.x.abort("client gone");
            }
            return null;
        });
        method(m, "write_event", (s, r, a) -> {
            LuaTable event = Args.checkTable(s, a, 1);
            if (!(event.getStr(LuaString.of("name")) instanceof LuaString name) || name.length() == 0) {
                throw LuaError.library("write_event: event.name must be a non-empty string");
            }
            Object data = event.getStr(LuaString.of("data"));
            if (data == null) {
                throw LuaError.library("write_event: event.data is required");
            }
            Reply reply = r.x.reply();
            synchronized (reply) {
                String type = reply.header("Content-Type");
                boolean sse = type != null && type.startsWith(SSE_TYPE);
                if (!sse) {
                    if (reply.committed()) {
                        return invalid("cannot switch to SSE mode after headers are sent");
                    }
                    reply.setHeader("Content-Type", SSE_TYPE);
                    reply.setHeader("Cache-Control", "no-cache");
                    reply.setHeader("Connection", "keep-alive");
                }
            }
            byte[] json;
            try {
                json = JsonModule.encode(data, JsonModule.jsonFormat());
            } catch (IOException e) {
                return invalid("failed to encode JSON: " + e.getMessage());
            }
            byte[] head = ("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length + json.length + 2];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(json, 0, out, head.length, json.length);
            out[out.length - 2] = '\n';
            out[out.length - 1] = '\n';
            return r.send(out, true);
        });
        META = Methods.metatable("http.Response", m);
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> LuaString.of("http.Response{}")));
        META.freeze();
    }

    private final Exchange x;

    ResponseValue(Exchange x) {
        super(null, META);
        this.x = x;
    }

    /** Methods fail once the handler has returned (spec 07 §2.8). */
    private static void method(LuaTable methods, String name, Methods.Body<ResponseValue> body) {
        Methods.add(methods, name, ResponseValue.class, "http.Response", (s, r, a) -> {
            if (r.x.handlerEnded()) {
                return Failures.error(ErrorObject.INTERNAL, "response used after the handler returned");
            }
            return body.call(s, r, a);
        });
    }

    private static ErrorObject invalid(String message) {
        return Failures.error(ErrorObject.INVALID, message);
    }

    private static String stringOf(LuaState s, Object[] a, int i) {
        Object v = Args.arg(a, i);
        if (v instanceof LuaString text) {
            return text.toString();
        }
        if (v instanceof Long || v instanceof Double) {
            return numberText(v);
        }
        throw Args.typeError(s, a, i, "string");
    }

    /** A Lua number as {@code tostring} writes it. */
    private static String numberText(Object n) {
        return n instanceof Double d ? LuaNumbers.toString(d) : n.toString();
    }

    /** Writes body bytes; a failed write means the client is gone, which cancels the handler. */
    private Object send(byte[] bytes, boolean flush) {
        Reply reply = x.reply();
        reply.markHandled();
        try {
            reply.write(bytes);
            if (flush) {
                reply.flush();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            x.abort("client gone");
            return Failures.error(ErrorObject.INTERNAL, "write failed: " + e.getMessage());
        }
    }
}
