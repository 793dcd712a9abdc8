package dev.wippy.runtime.env;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.registry.EntryId;

import java.util.Map;

/**
 * The {@code env} module (spec 03 §3.12.2): {@code get}, {@code set} and {@code get_all}. A key that is not a
 * string raises; every other failure is {@code nil, err} with {@code retryable() == false}. There are no policies
 * in this runtime, so nothing is denied except writes to read-only variables and storages.
 */
public final class EnvModule {
    private EnvModule() {
    }

    /** Provides the read-only {@code env} table over {@code env}, shared by all states. */
    public static ModuleProvider provider(Env env) {
        LuaTable t = new LuaTable();
        fn(t, "get", (s, a) -> {
            String key = key(s, a);
            try {
                return LuaString.of(env.get(key, namespace(s)));
            } catch (EnvFailure f) {
                return failure(f);
            }
        });
        fn(t, "set", (s, a) -> {
            String key = key(s, a);
            String value = Args.checkString(s, a, 1).toString();
            try {
                env.set(key, namespace(s), value);
                return Boolean.TRUE;
            } catch (EnvFailure f) {
                return failure(f);
            }
        });
        fn(t, "get_all", (s, a) -> {
            Map<String, String> all = env.all();
            LuaTable out = new LuaTable(0, all.size());
            all.forEach((k, v) -> out.putStr(LuaString.of(k), LuaString.of(v)));
            return out;
        });
        t.freeze();
        return s -> t;
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.putStr(LuaString.of(name), new JavaFunction(name, body));
    }

    /** Keys must be strings: unlike values, a number is not converted (spec 03 §3.12.2). */
    private static String key(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaString key)) {
            throw Args.typeError(s, a, 0, "string");
        }
        return key.toString();
    }

    /** The namespace of the entry whose code is running, for bare variable names; null outside executions. */
    private static String namespace(LuaState s) {
        Execution e = Execution.of(s);
        EntryId id = e == null || e.entryId() == null ? null : EntryId.parse(e.entryId());
        return id == null ? null : id.namespace();
    }

    private static Object failure(EnvFailure f) {
        return Multi.of(null, ErrorObject.of(f.kind(), f.getMessage(), Boolean.FALSE, null));
    }
}
