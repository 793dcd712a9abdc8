package dev.wippy.http.lua;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;
import org.apache.commons.fileupload2.core.DiskFileItem;

import java.io.IOException;

/** A file part of a multipart form (spec 07 §2.6): name, size, one header value, a Stream over the content. */
final class MultipartFileValue extends LuaUserdata {
    private static final LuaTable META;

    static {
        LuaTable m = new LuaTable();
        Methods.add(m, "name", MultipartFileValue.class, "http.MultipartFile", (s, f, a) ->
                Failures.ok(LuaString.of(f.item.getName())));
        Methods.add(m, "size", MultipartFileValue.class, "http.MultipartFile", (s, f, a) ->
                Failures.ok(f.item.getSize()));
        Methods.add(m, "header", MultipartFileValue.class, "http.MultipartFile", (s, f, a) -> {
            String v = f.item.getHeaders() == null ? null : f.item.getHeaders().getHeader(
                    Args.checkString(s, a, 1).toString());
            return v == null ? null : LuaString.of(v);
        });
        Methods.add(m, "stream", MultipartFileValue.class, "http.MultipartFile", (s, f, a) -> {
            try {
                return Failures.ok(new StreamValue(f.item.getInputStream(), f.item.getSize()));
            } catch (IOException e) {
                return Failures.fail(ErrorObject.INTERNAL, "cannot open the file part: " + e.getMessage());
            }
        });
        META = Methods.metatable("http.MultipartFile", m);
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            MultipartFileValue f = (MultipartFileValue) a[0];
            return LuaString.of("http.MultipartFile{name=" + f.item.getName() + ", size=" + f.item.getSize() + "}");
        }));
        META.freeze();
    }

    private final DiskFileItem item;

    MultipartFileValue(DiskFileItem item) {
        super(null, META);
        this.item = item;
    }
}
