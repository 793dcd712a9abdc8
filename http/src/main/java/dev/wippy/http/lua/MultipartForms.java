package dev.wippy.http.lua;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.http.server.Exchange;
import dev.wippy.runtime.errors.ErrorObject;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code req:parse_multipart(max_memory?)} (spec 07 §2.6): form values (one → string, several → array) and files
 * (always arrays); parts beyond {@code max_memory} bytes are spooled to temporary files, removed when the request
 * ends.
 */
final class MultipartForms {
    private static final long DEFAULT_MAX_MEMORY = 33_554_432;

    private MultipartForms() {
    }

    static Object parse(LuaState s, Exchange x, Object maxMemoryArg) {
        String type = x.header("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data")) {
            return Failures.fail(ErrorObject.INVALID, "content type is not multipart/form-data");
        }
        long maxMemory = maxMemoryArg instanceof Long l && l > 0 ? l
                : maxMemoryArg instanceof Double d && d > 0 ? d.longValue() : DEFAULT_MAX_MEMORY;
        InputStream in = x.takeBody(Exchange.BodyUse.WHOLE);
        if (in == null) {
            return Failures.fail(ErrorObject.INTERNAL, "failed to parse multipart form: body already read");
        }
        List<DiskFileItem> items;
        try {
            items = Blocking.call(s, () -> parts(x, in, maxMemory));
        } catch (Exception e) {
            return Failures.fail(ErrorObject.INTERNAL, "failed to parse multipart form: " + e.getMessage());
        }
        x.atEnd(() -> items.forEach(MultipartForms::delete));
        Map<String, List<String>> values = new LinkedHashMap<>();
        LuaTable files = new LuaTable();
        for (DiskFileItem item : items) {
            if (item.isFormField()) {
                try {
                    values.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>()).add(
                            item.getString(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return Failures.fail(ErrorObject.INTERNAL, "failed to parse multipart form: " + e.getMessage());
                }
            } else {
                LuaString field = LuaString.of(item.getFieldName());
                LuaTable list = files.getStr(field) instanceof LuaTable t ? t : new LuaTable();
                list.putInt(list.length() + 1, new MultipartFileValue(item));
                files.putStr(field, list);
            }
        }
        LuaTable valueTable = new LuaTable();
        values.forEach((k, v) -> {
            if (v.size() == 1) {
                valueTable.putStr(LuaString.of(k), LuaString.of(v.getFirst()));
            } else {
                LuaTable arr = new LuaTable();
                for (int i = 0; i < v.size(); i++) {
                    arr.putInt(i + 1, LuaString.of(v.get(i)));
                }
                valueTable.putStr(LuaString.of(k), arr);
            }
        });
        LuaTable form = new LuaTable();
        form.putStr(LuaString.of("values"), valueTable);
        form.putStr(LuaString.of("files"), files);
        return Failures.ok(form);
    }

    private static List<DiskFileItem> parts(Exchange x, InputStream in, long maxMemory) throws IOException {
        DiskFileItemFactory factory = DiskFileItemFactory.builder().setBufferSize((int) Math.min(maxMemory,
                Integer.MAX_VALUE)).get();
        Upload upload = new Upload();
        upload.setFileItemFactory(factory);
        return upload.parseRequest(new Body(x, in));
    }

    private static void delete(DiskFileItem item) {
        try {
            item.delete();
        } catch (IOException ignored) {
            // a temporary file left behind is removed by the JVM's temp cleanup at the latest
        }
    }

    /** The request body as the parser reads it. */
    private record Body(Exchange x, InputStream in) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return "UTF-8";
        }

        @Override
        public long getContentLength() {
            return x.contentLength();
        }

        @Override
        public String getContentType() {
            return x.header("Content-Type");
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }

    /** The library's parser bound to our request type. */
    private static final class Upload extends AbstractFileUpload<Body, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(Body request) throws FileUploadException, IOException {
            return super.getItemIterator((RequestContext) request);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Body request) throws FileUploadException {
            return super.parseParameterMap((RequestContext) request);
        }

        @Override
        public List<DiskFileItem> parseRequest(Body request) throws FileUploadException {
            return super.parseRequest((RequestContext) request);
        }
    }
}
