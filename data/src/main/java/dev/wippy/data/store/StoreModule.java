package dev.wippy.data.store;

import dev.wippy.data.sql.LuaConstants;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.Methods;
import dev.wippy.runtime.lua.ModuleProvider;

import java.math.BigInteger;
import java.util.Map;

/** The {@code store} module (spec 08 §4.4, §4.5): {@code store.get} and the methods of a store handle. */
public final class StoreModule {
    private static final String NAME = "store.Store";
    private static final BigInteger MAX_VERSION = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
    private static final LuaTable META;

    /** A handle on a store; after {@code release()} every other method fails. */
    static final class Handle extends LuaUserdata {
        final Store store;
        boolean released;

        Handle(Store store) {
            super(META);
            this.store = store;
        }
    }

    @FunctionalInterface
    private interface Op {
        Object run(LuaState s, Handle h, Object[] a) throws StoreException;
    }

    static {
        LuaTable m = new LuaTable();
        op(m, "get", (s, h, a) -> h.store.get(s, key(s, a)));
        op(m, "set", (s, h, a) -> {
            String key = key(s, a);
            Object value = value(a);
            double ttl = 0;
            if (a.length > 3) {
                ttl = Args.checkDouble(s, a, 3);
            }
            h.store.set(s, key, value, ttl);
            return Boolean.TRUE;
        });
        op(m, "has", (s, h, a) -> h.store.has(s, key(s, a)));
        op(m, "delete", (s, h, a) -> h.store.delete(s, key(s, a)));
        op(m, "entry", (s, h, a) -> item(h.store.entry(s, key(s, a))));
        op(m, "list", (s, h, a) -> {
            Object opts = Args.arg(a, 1);
            String prefix = "";
            String after = null;
            long limit = 100;
            if (opts instanceof LuaTable t) {
                Object p = t.getStr(LuaString.of("prefix"));
                Object af = t.getStr(LuaString.of("after"));
                Object l = t.getStr(LuaString.of("limit"));
                if (p != null && !(p instanceof LuaString)) {
                    throw new StoreException(ErrorObject.INVALID, "prefix must be a string");
                }
                if (af != null && !(af instanceof LuaString)) {
                    throw new StoreException(ErrorObject.INVALID, "after must be a string");
                }
                Long n = l == null ? null : LuaNumbers.toInteger(l);
                if (l != null && (n == null || n < 0 || !(l instanceof Long || l instanceof Double))) {
                    throw new StoreException(ErrorObject.INVALID, "limit must be a non-negative integer");
                }
                prefix = p == null ? "" : p.toString();
                after = af == null ? null : af.toString();
                limit = n == null || n == 0 ? 100 : Math.min(n, 1000);
            }
            Store.Page page = h.store.list(s, prefix, after, (int) limit);
            LuaTable items = new LuaTable();
            for (Store.Item i : page.items()) {
                items.putInt(items.length() + 1, item(i));
            }
            LuaTable out = new LuaTable();
            out.putStr(LuaString.of("items"), items);
            out.putStr(LuaString.of("cursor"), LuaString.of(page.cursor()));
            out.putStr(LuaString.of("has_more"), page.hasMore());
            return out;
        });
        op(m, "put", (s, h, a) -> {
            String key = key(s, a);
            Object value = value(a);
            return item(h.store.put(s, key, value, putOptions(Args.arg(a, 3))));
        });
        op(m, "info", (s, h, a) -> {
            LuaTable t = new LuaTable();
            for (Map.Entry<String, Object> e : h.store.info().entrySet()) {
                t.putStr(LuaString.of(e.getKey()), e.getValue() instanceof String text ? LuaString.of(text)
                        : e.getValue());
            }
            return t;
        });
        Methods.add(m, "release", Handle.class, NAME, (s, h, a) -> {
            h.released = true;
            return Boolean.TRUE;
        });
        META = Methods.metatable(NAME, m);
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) ->
                LuaString.of(a[0] instanceof Handle h && h.released ? "store.Store{released}" : "store.Store{}")));
        META.freeze();
    }

    private StoreModule() {
    }

    public static ModuleProvider provider(Stores stores) {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("get"), new JavaFunction("store.get", (s, a) -> {
            String id = Args.checkString(s, a, 0).toString();
            if (id.isEmpty()) {
                return failure(ErrorObject.INVALID, "resource id is required");
            }
            Store store = stores.store(id);
            if (store != null) {
                return new Handle(store);
            }
            if (stores.isOtherEntry(id)) {
                return failure(ErrorObject.INVALID, "resource is not a store: " + id);
            }
            return Multi.of(null, ErrorObject.wrap(ErrorObject.of(ErrorObject.NOT_FOUND, "resource not found: " + id),
                    "failed to acquire resource").withKind(ErrorObject.INTERNAL));
        }));
        t.putStr(LuaString.of("backend"), LuaConstants.of("KV_RAFT", "kv.raft", "KV_CRDT", "kv.crdt", "MEMORY", "memory",
                "SQL", "sql", "UNKNOWN", "unknown"));
        t.putStr(LuaString.of("consistency"), LuaConstants.of("LINEARIZABLE", "linearizable", "EVENTUAL", "eventual",
                "LOCAL", "local", "UNKNOWN", "unknown"));
        t.freeze();
        return s -> t;
    }

    private static void op(LuaTable m, String name, Op op) {
        Methods.add(m, name, Handle.class, NAME, (s, h, a) -> {
            if (h.released) {
                return failure(ErrorObject.INVALID, "store is released");
            }
            try {
                return op.run(s, h, a);
            } catch (StoreException e) {
                return failure(e.kind, e.getMessage());
            }
        });
    }

    /** The normalised key argument: a string or number (others raise); empty is INVALID. */
    private static String key(LuaState s, Object[] a) throws StoreException {
        Object k = Args.arg(a, 1);
        if (!(k instanceof LuaString || k instanceof Long || k instanceof Double)) {
            throw Args.typeError(s, a, 1, "string");
        }
        String key = k instanceof LuaString text ? text.toString() : LuaNumbers.toLuaString(k).toString();
        if (key.isEmpty()) {
            throw new StoreException(ErrorObject.INVALID, "key is required");
        }
        return Store.normalise(key);
    }

    private static Object value(Object[] a) throws StoreException {
        Object v = Args.arg(a, 2);
        if (v == null) {
            throw new StoreException(ErrorObject.INVALID, "value is required");
        }
        return v;
    }

    private static Store.PutOptions putOptions(Object opts) throws StoreException {
        if (opts == null) {
            return new Store.PutOptions(0, false, null);
        }
        if (!(opts instanceof LuaTable t)) {
            throw new StoreException(ErrorObject.INVALID, "options must be a table");
        }
        Object ttl = t.getStr(LuaString.of("ttl"));
        if (ttl != null && !(ttl instanceof Long || ttl instanceof Double) || ttl != null
                && ((Number) ttl).doubleValue() < 0) {
            throw new StoreException(ErrorObject.INVALID, "ttl must be a non-negative number");
        }
        boolean absent = t.getStr(LuaString.of("only_if_absent")) instanceof Boolean b && b;
        String version = version(t.getStr(LuaString.of("if_version")));
        if (absent && version != null) {
            throw new StoreException(ErrorObject.INVALID, "only_if_absent and if_version are mutually exclusive");
        }
        return new Store.PutOptions(ttl == null ? 0 : ((Number) ttl).doubleValue(), absent, version);
    }

    /** {@code if_version} as decimal text; null when absent. */
    private static String version(Object v) throws StoreException {
        if (v == null) {
            return null;
        }
        BigInteger n = switch (v) {
            case Long l -> BigInteger.valueOf(l);
            case Double d when d == Math.rint(d) && Math.abs(d) <= 9007199254740991.0 ->
                    BigInteger.valueOf(d.longValue());
            case LuaString text when text.toString().matches("[0-9]+") -> new BigInteger(text.toString());
            default -> BigInteger.ZERO;
        };
        if (n.signum() <= 0 || n.compareTo(MAX_VERSION) > 0) {
            throw new StoreException(ErrorObject.INVALID, "if_version must be a positive version");
        }
        return n.toString();
    }

    private static LuaTable item(Store.Item i) {
        LuaTable t = new LuaTable(0, 3);
        t.putStr(LuaString.of("key"), LuaString.of(i.key()));
        t.putStr(LuaString.of("value"), i.value());
        t.putStr(LuaString.of("version"), LuaString.of(i.version()));
        return t;
    }

    /** {@code nil, err}; a version conflict and a full store go away by retrying (spec 08 §4.6). */
    private static Object failure(String kind, String message) {
        boolean retry = kind.equals(ErrorObject.CONFLICT) || kind.equals(ErrorObject.UNAVAILABLE);
        return Multi.of(null, ErrorObject.of(kind, message, retry ? Boolean.TRUE : ErrorObject.defaultRetryable(kind),
                null));
    }
}
