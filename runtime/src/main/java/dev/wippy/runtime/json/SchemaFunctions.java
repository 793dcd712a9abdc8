package dev.wippy.runtime.json;

import com.networknt.schema.JsonSchema;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;

import java.io.IOException;
import java.util.List;

/**
 * {@code json.validate} and {@code json.validate_string} (spec 03 §3.8.3): {@code true}, or {@code false} and an
 * INVALID error, for every kind of problem from a missing schema to data that does not conform.
 */
final class SchemaFunctions {
    private SchemaFunctions() {
    }

    /** {@code json.validate(schema, value)}: the value is encoded as {@code json.encode} would. */
    static Object validate(LuaState s, Object[] a) {
        return check(a, value -> JsonEncoder.encode(value).toString());
    }

    /** {@code json.validate_string(schema, text)}: the text is validated as it is, never decoded into Lua. */
    static Object validateString(LuaState s, Object[] a) {
        return check(a, value -> {
            if (!(value instanceof LuaString text)) {
                throw new JsonFailure("data must be a JSON string");
            }
            return text.toString();
        });
    }

    @FunctionalInterface
    private interface DataText {
        String of(Object value) throws IOException;
    }

    private static Object check(Object[] a, DataText dataText) {
        Object schema = Args.arg(a, 0);
        Object value = Args.arg(a, 1);
        if (schema == null) {
            return invalid("schema is required");
        }
        if (value == null) {
            return invalid("data is required");
        }
        try {
            JsonSchema compiled = SchemaValidator.schema(schemaText(schema));
            List<String> violations = SchemaValidator.violations(compiled, dataText.of(value));
            return violations.isEmpty() ? Boolean.TRUE : invalid(String.join("; ", violations));
        } catch (IOException e) {
            return invalid(e.getMessage());
        }
    }

    private static String schemaText(Object schema) throws IOException {
        return switch (schema) {
            case LuaString text -> text.toString();
            case LuaTable table -> JsonEncoder.encode(table, EmptyTables.IN_SCHEMA).toString();
            default -> throw new JsonFailure("schema must be a table or a JSON string");
        };
    }

    private static Object invalid(String message) {
        return Multi.of(Boolean.FALSE, ErrorObject.of(ErrorObject.INVALID, message, Boolean.FALSE, null));
    }
}
