package dev.wippy.observability.metrics;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.metrics.Collector;
import dev.wippy.runtime.metrics.CollectorSlot;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code metrics} module (spec 08 §6.1): counters, gauges and histograms by name and labels. A name that is not
 * a string or a value that is not a number raises; labels keep only string keys with string values; every call
 * returns {@code true} at once, the recording being applied later by the collector.
 */
public final class MetricsModule {
    private MetricsModule() {
    }

    /** One read-only table shared by every state, recording through whatever collector {@code slot} holds. */
    public static ModuleProvider provider(CollectorSlot slot) {
        LuaTable t = new LuaTable();
        add(t, slot, "counter_inc", (c, s, a) -> c.counterAdd(name(s, a), 1, labels(a, 1)));
        add(t, slot, "counter_add", (c, s, a) -> c.counterAdd(name(s, a), number(s, a, 1), labels(a, 2)));
        add(t, slot, "gauge_set", (c, s, a) -> c.gaugeSet(name(s, a), number(s, a, 1), labels(a, 2)));
        add(t, slot, "gauge_inc", (c, s, a) -> c.gaugeAdd(name(s, a), 1, labels(a, 1)));
        add(t, slot, "gauge_dec", (c, s, a) -> c.gaugeAdd(name(s, a), -1, labels(a, 1)));
        add(t, slot, "histogram", (c, s, a) -> c.histogram(name(s, a), number(s, a, 1), labels(a, 2)));
        t.freeze();
        return s -> t;
    }

    /** One recording function, given the collector. */
    @FunctionalInterface
    private interface Recorder {
        void record(Collector c, LuaState s, Object[] a);
    }

    private static void add(LuaTable t, CollectorSlot slot, String name, Recorder r) {
        t.putStr(LuaString.of(name), new JavaFunction("metrics." + name, (s, a) -> {
            Collector c = slot.get();
            if (c == null) {
                return Multi.of(null, ErrorObject.of(ErrorObject.INTERNAL, "metrics collector not available"));
            }
            r.record(c, s, a);
            return Boolean.TRUE;
        }));
    }

    private static String name(LuaState s, Object[] a) {
        if (Args.arg(a, 0) instanceof LuaString str) {
            return str.toString();
        }
        throw Args.typeError(s, a, 0, "string");
    }

    private static double number(LuaState s, Object[] a, int i) {
        if (Args.arg(a, i) instanceof Number n) {
            return n.doubleValue();
        }
        throw Args.typeError(s, a, i, "number");
    }

    /** The string-to-string pairs of a labels table; anything else (or a non-table) is ignored. */
    private static Map<String, String> labels(Object[] a, int i) {
        if (!(Args.arg(a, i) instanceof LuaTable t)) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (t.slotKey(slot) instanceof LuaString k && t.slotValue(slot) instanceof LuaString v) {
                out.put(k.toString(), v.toString());
            }
        }
        return out;
    }
}
