package dev.wippy.runtime.process;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.values.Frozen;
import dev.wippy.runtime.values.FrozenTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable spawn builder (spec 02 §2.13): each method returns a new builder, so a base can be reused. Security
 * actors and scopes are accepted and have no effect: there are no security policies yet.
 */
final class SpawnBuilder extends LuaUserdata {
    private static final LuaTable META = new LuaTable();
    static final SpawnBuilder BASE = new SpawnBuilder(SpawnOptions.NONE);

    static {
        LuaTable m = new LuaTable();
        method(m, "with_context", (b, s, a) -> b.withContext(s, a, 1));
        method(m, "with_options", (b, s, a) -> b.withOptions(s, a, 1));
        method(m, "with_actor", (b, s, a) -> b);
        method(m, "with_scope", (b, s, a) -> b);
        method(m, "with_name", (b, s, a) -> {
            if (!(Args.arg(a, 1) instanceof LuaString name)) {
                throw Args.typeError(s, a, 1, "string");
            }
            return new SpawnBuilder(b.options.withName(name.toString()));
        });
        method(m, "with_message", (b, s, a) -> {
            if (!(Args.arg(a, 1) instanceof LuaString topic)) {
                throw Args.typeError(s, a, 1, "string");
            }
            List<Message> messages = new ArrayList<>(b.options.messages());
            messages.add(new Message(topic.toString(), ProcessModule.self(s).pid(), ProcessModule.payload(a, 2)));
            return new SpawnBuilder(b.options.withMessages(messages));
        });
        method(m, "spawn", (b, s, a) -> ProcessModule.spawn(s, tail(a), b.options));
        method(m, "spawn_monitored", (b, s, a) -> ProcessModule.spawn(s, tail(a),
                b.options.withRelations(true, false)));
        method(m, "spawn_linked", (b, s, a) -> ProcessModule.spawn(s, tail(a),
                b.options.withRelations(false, true)));
        method(m, "spawn_linked_monitored", (b, s, a) -> ProcessModule.spawn(s, tail(a),
                b.options.withRelations(true, true)));
        method(m, "exec", (b, s, a) -> ProcessModule.exec(s, tail(a), b.options));
        META.putStr(MetaNames.INDEX, m);
        META.putStr(MetaNames.NAME, LuaString.of("SpawnBuilder"));
    }

    private final SpawnOptions options;

    private SpawnBuilder(SpawnOptions options) {
        super(META);
        this.options = options;
    }

    private interface Method {
        Object apply(SpawnBuilder b, LuaState s, Object[] a);
    }

    private static void method(LuaTable t, String name, Method m) {
        t.putStr(LuaString.of(name), new JavaFunction(name, (s, a) -> {
            if (!(Args.arg(a, 0) instanceof SpawnBuilder b)) {
                throw Args.typeError(s, a, 0, "SpawnBuilder");
            }
            return m.apply(b, s, a);
        }));
    }

    private static Object[] tail(Object[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    /** Merges context values from the table at {@code a[i]}. */
    SpawnBuilder withContext(LuaState s, Object[] a, int i) {
        if (!(Args.arg(a, i) instanceof LuaTable values)) {
            throw Args.typeError(s, a, i, "table");
        }
        Map<String, Object> context = new HashMap<>(options.context());
        try {
            context.putAll(((FrozenTable) Frozen.freeze(values)).asStringMap());
        } catch (Frozen.NotTransferable e) {
            throw LuaError.library(e.getMessage());
        }
        return new SpawnBuilder(options.withContext(context));
    }

    /**
     * Merges start options by key; processes have none of their own yet ({@code network} needs network entries),
     * workflow providers read theirs (spec 05 §3.4).
     */
    SpawnBuilder withOptions(LuaState s, Object[] a, int i) {
        if (!(Args.arg(a, i) instanceof LuaTable values)) {
            throw Args.typeError(s, a, i, "table");
        }
        Map<String, Object> merged = new HashMap<>(options.options());
        try {
            merged.putAll(((FrozenTable) Frozen.freeze(values)).asStringMap());
        } catch (Frozen.NotTransferable e) {
            throw LuaError.library(e.getMessage());
        }
        return new SpawnBuilder(options.withOptions(merged));
    }
}
