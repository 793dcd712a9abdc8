package dev.wippy.http.lua;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.http.server.Exchange;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.json.JsonModule;
import dev.wippy.runtime.lua.Methods;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** The Request object of {@code http.request()} (spec 07 §2.5): every method returns {@code value, err}. */
final class RequestValue extends LuaUserdata {
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        method(m, "method", (s, r, a) -> Failures.ok(LuaString.of(r.x.method())));
        method(m, "path", (s, r, a) -> Failures.ok(LuaString.of(r.x.path())));
        method(m, "query", (s, r, a) -> {
            List<String> v = r.x.query().get(Args.checkString(s, a, 1).toString());
            return Failures.ok(v == null || v.isEmpty() ? null : LuaString.of(v.getFirst()));
        });
        method(m, "query_params", (s, r, a) -> {
            LuaTable t = new LuaTable();
            r.x.query().forEach((k, v) -> t.putStr(LuaString.of(k), LuaString.of(String.join(",", v))));
            return Failures.ok(t);
        });
        method(m, "header", (s, r, a) -> Failures.ok(text(r.x.header(Args.checkString(s, a, 1).toString()))));
        method(m, "content_type", (s, r, a) -> Failures.ok(text(r.x.header("Content-Type"))));
        method(m, "content_length", (s, r, a) -> Failures.ok(r.x.contentLength()));
        method(m, "host", (s, r, a) -> Failures.ok(LuaString.of(r.x.host())));
        method(m, "remote_addr", (s, r, a) -> Failures.ok(LuaString.of(r.x.remoteAddr())));
        method(m, "has_body", (s, r, a) -> Failures.ok(r.x.contentLength() > 0));
        method(m, "accepts", (s, r, a) -> {
            String type = Args.checkString(s, a, 1).toString();
            String accept = r.x.header("Accept");
            boolean ok = false;
            if (accept != null) {
                for (String item : accept.split(",")) {
                    String t = item.trim();
                    ok |= t.equals(type) || t.equals("*/*");
                }
            }
            return Failures.ok(ok);
        });
        method(m, "is_content_type", (s, r, a) -> {
            String ct = r.x.header("Content-Type");
            return Failures.ok(ct != null && ct.startsWith(Args.checkString(s, a, 1).toString()));
        });
        method(m, "param", (s, r, a) -> Failures.ok(text(r.x.params().get(Args.checkString(s, a, 1).toString()))));
        method(m, "params", (s, r, a) -> {
            LuaTable t = new LuaTable();
            r.x.params().forEach((k, v) -> t.putStr(LuaString.of(k), LuaString.of(v)));
            return Failures.ok(t);
        });
        method(m, "body", (s, r, a) -> {
            Object body = r.readBody(s);
            return body instanceof ErrorObject e ? Failures.fail(e.kind(), e.message()) : Failures.ok(body);
        });
        method(m, "body_json", (s, r, a) -> {
            Object body = r.readBody(s);
            if (body instanceof ErrorObject e) {
                return Failures.fail(e.kind(), e.message());
            }
            LuaString text = (LuaString) body;
            if (text.length() == 0) {
                return Failures.fail(ErrorObject.INVALID, "invalid JSON: empty body");
            }
            try {
                return Failures.ok(JsonModule.decode(text.toByteArray(), JsonModule.jsonFormat()));
            } catch (IOException e) {
                return Failures.fail(ErrorObject.INVALID, "invalid JSON: " + e.getMessage());
            }
        });
        method(m, "stream", (s, r, a) -> {
            InputStream in = r.x.takeBody(Exchange.BodyUse.STREAM);
            if (in == null) {
                return Failures.fail(ErrorObject.INTERNAL, "body already read");
            }
            return Failures.ok(new StreamValue(in, r.x.contentLength()));
        });
        method(m, "parse_multipart", (s, r, a) -> MultipartForms.parse(s, r.x, Args.arg(a, 1)));
        META = Methods.metatable("http.Request", m);
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            RequestValue r = (RequestValue) a[0];
            return LuaString.of("http.Request{method=" + r.x.method() + ", path=" + r.x.path() + "}");
        }));
        META.freeze();
    }

    private final Exchange x;
    private final BodyLimits limits;

    RequestValue(Exchange x, BodyLimits limits) {
        super(null, META);
        this.x = x;
        this.limits = limits;
    }

    private static void method(LuaTable methods, String name, Methods.Body<RequestValue> body) {
        Methods.add(methods, name, RequestValue.class, "http.Request", body);
    }

    private static LuaString text(String s) {
        return s == null ? null : LuaString.of(s);
    }

    /** The whole body as a string, or the error object of §2.5's body rules. */
    private Object readBody(LuaState s) {
        long declared = x.contentLength();
        if (declared > limits.maxBody()) {
            return Failures.error(ErrorObject.INVALID, "request body too large");
        }
        InputStream in = x.takeBody(Exchange.BodyUse.WHOLE);
        if (in == null) {
            return Failures.error(ErrorObject.INTERNAL, "body already read");
        }
        if (declared == 0) {
            return LuaString.EMPTY;
        }
        try {
            byte[] data = Blocking.call(s, () -> BoundedRead.atMost(in, limits.maxBody()), limits.timeoutMillis());
            if (data == null) {
                return Failures.error(ErrorObject.INVALID, "request body too large");
            }
            return LuaString.wrap(data);
        } catch (TimeoutException e) {
            return Failures.error(ErrorObject.INTERNAL, "failed to read body: request timeout after "
                    + limits.timeoutMillis() + "ms");
        } catch (Exception e) {
            return Failures.error(ErrorObject.INTERNAL, "failed to read body: " + e.getMessage());
        }
    }
}
