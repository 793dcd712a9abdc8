package dev.wippy.data.sql;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;


/** The {@code sql} module (spec 08 §3): {@code sql.get} and the constants, typed values and query builder. */
public final class SqlModule {
    private SqlModule() {
    }

    public static ModuleProvider provider(Databases databases) {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("get"), new JavaFunction("sql.get", (s, a) -> {
            Object arg = Args.arg(a, 0);
            if (!(arg instanceof LuaString) && !(arg instanceof Long) && !(arg instanceof Double)) {
                throw Args.typeError(s, a, 0, "string");
            }
            String id = arg instanceof LuaString text ? text.toString() : LuaNumbers.toLuaString(arg).toString();
            if (id.isEmpty()) {
                return failure(ErrorObject.INVALID, "resource id is required");
            }
            return switch (databases.find(id)) {
                case Databases.Lookup.Missing m -> failure(m.kind(), m.message());
                case Databases.Lookup.Found f -> {
                    DbHandle h = DbHandle.claim(s, f.database());
                    yield h == null ? failure(ErrorObject.UNAVAILABLE, "connection pool is closed") : h;
                }
            };
        }));
        t.putStr(LuaString.of("NULL"), SqlValue.NULL);
        t.putStr(LuaString.of("type"), LuaConstants.of("POSTGRES", "postgres", "MYSQL", "mysql", "SQLITE", "sqlite",
                "UNKNOWN", "unknown"));
        t.putStr(LuaString.of("isolation"), LuaConstants.of("DEFAULT", "default", "READ_UNCOMMITTED", "read_uncommitted",
                "READ_COMMITTED", "read_committed", "WRITE_COMMITTED", "write_committed", "REPEATABLE_READ",
                "repeatable_read", "SERIALIZABLE", "serializable"));
        t.putStr(LuaString.of("as"), typedValues());
        t.putStr(LuaString.of("builder"), BuilderModule.TABLE);
        t.freeze();
        return s -> t;
    }

    /** {@code sql.as.*} (spec 08 §3.9). */
    private static LuaTable typedValues() {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("int"), new JavaFunction("int", (s, a) -> SqlValue.of(switch (Args.arg(a, 0)) {
            case Long l -> l;
            case Double d -> (long) (double) d;
            case null, default -> 0L;
        })));
        t.putStr(LuaString.of("float"), new JavaFunction("float", (s, a) -> SqlValue.of(switch (Args.arg(a, 0)) {
            case Long l -> (double) l;
            case Double d -> d;
            case null, default -> 0.0;
        })));
        t.putStr(LuaString.of("text"), new JavaFunction("text", (s, a) -> SqlValue.of(switch (Args.arg(a, 0)) {
            case LuaString text -> text.toString();
            case Long l -> Long.toString(l);
            case Double d -> LuaNumbers.toString(d);
            case null, default -> "";
        })));
        t.putStr(LuaString.of("binary"), new JavaFunction("binary", (s, a) ->
                Args.arg(a, 0) instanceof LuaString bytes ? SqlValue.of(bytes.toByteArray()) : SqlValue.NULL));
        t.putStr(LuaString.of("null"), new JavaFunction("null", (s, a) -> SqlValue.NULL));
        return t.freeze();
    }

    private static Object failure(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message));
    }
}
