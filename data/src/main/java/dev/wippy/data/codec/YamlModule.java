package dev.wippy.data.codec;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code yaml} module (spec 08 §8.1) on SnakeYAML Engine: Lua tables become sequences (positional elements)
 * or mappings with sorted keys (digit runs compared as numbers, {@code field_order} first); decoding reads the
 * first document of the YAML 1.2 core schema.
 */
public final class YamlModule {
    private static final LuaTable TABLE = new LuaTable();

    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        TABLE.putStr(LuaString.of("encode"), new JavaFunction("yaml.encode", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaTable t)) {
                return Codecs.failure(ErrorObject.INVALID, "table expected");
            }
            Object opts = Args.arg(a, 1);
            List<String> order = new ArrayList<>();
            if (opts instanceof LuaTable o && o.getStr(LuaString.of("field_order")) instanceof LuaTable fields) {
                for (long i = 1; i <= fields.length(); i++) {
                    if (fields.getInt(i) instanceof LuaString name) {
                        order.add(name.toString());
                    }
                }
            }
            try {
                DumpSettings settings = DumpSettings.builder().setIndent(opts == null ? 4 : 2)
                        .setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(Integer.MAX_VALUE).build();
                return LuaString.of(new Dump(settings).dumpToString(java(t, order, 0)));
            } catch (IllegalArgumentException | YamlEngineException e) {
                return Codecs.failure(ErrorObject.INTERNAL, "encode failed: " + e.getMessage());
            }
        }));
        TABLE.putStr(LuaString.of("decode"), new JavaFunction("yaml.decode", (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString text)) {
                return Codecs.failure(ErrorObject.INVALID, "string expected");
            }
            if (text.length() == 0) {
                return Codecs.failure(ErrorObject.INVALID, "input cannot be empty");
            }
            try {
                Iterator<Object> docs = new Load(LoadSettings.builder().build()).loadAllFromString(text.toString())
                        .iterator();
                return docs.hasNext() ? lua(docs.next()) : null;
            } catch (YamlEngineException e) {
                return Codecs.failure(ErrorObject.INTERNAL, "decode failed: " + e.getMessage());
            }
        }));
        TABLE.freeze();
    }

    private YamlModule() {
    }

    /** The Java value SnakeYAML writes for a Lua value. */
    private static Object java(Object v, List<String> order, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("nesting too deep (a cycle?)");
        }
        return switch (v) {
            case null -> null;
            case LuaString text -> text.toString();
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> d.longValue();
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case LuaTable t -> table(t, order, depth);
            case LuaUserdata u -> throw new IllegalArgumentException("cannot encode userdata");
            default -> throw new IllegalArgumentException("cannot encode a " + dev.wippy.lua.vm.Interop.typeName(v));
        };
    }

    private static Object table(LuaTable t, List<String> order, int depth) {
        long n = Codecs.positional(t);
        if (n > 0) {
            List<Object> list = new ArrayList<>();
            for (long i = 1; i <= n; i++) {
                list.add(java(t.getInt(i), order, depth + 1));
            }
            return list;
        }
        Map<String, Object> byKey = new java.util.TreeMap<>(NaturalOrder.INSTANCE);
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            Object k = t.slotKey(slot);
            String key = k instanceof LuaString text ? text.toString() : dev.wippy.lua.vm.Interop.rawToString(k)
                    .toString();
            byKey.put(key, java(t.slotValue(slot), order, depth + 1));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String first : order) {
            if (byKey.containsKey(first)) {
                out.put(first, byKey.remove(first));
            }
        }
        out.putAll(byKey);
        return out;
    }

    /** The Lua value of what SnakeYAML read. */
    private static Object lua(Object v) {
        return switch (v) {
            case null -> null;
            case String text -> LuaString.of(text);
            case Integer i -> (long) i;
            case Long l -> l;
            case BigInteger b -> b.bitLength() < 64 ? b.longValue() : b.doubleValue();
            case Number n -> n.doubleValue();
            case Boolean b -> b;
            case byte[] bytes -> LuaString.wrap(bytes);
            case List<?> list -> {
                LuaTable t = new LuaTable(list.size(), 0);
                for (int i = 0; i < list.size(); i++) {
                    Object e = lua(list.get(i));
                    if (e != null) {
                        t.putInt(i + 1, e);
                    }
                }
                yield t;
            }
            case Map<?, ?> map -> {
                LuaTable t = new LuaTable(0, map.size());
                map.forEach((k, val) -> {
                    Object e = lua(val);
                    if (e != null) {
                        t.putStr(LuaString.of(String.valueOf(k)), e);
                    }
                });
                yield t;
            }
            default -> LuaString.of(v.toString());
        };
    }

    /** Strings compared with runs of digits as numbers ({@code item2} before {@code item10}). */
    private enum NaturalOrder implements java.util.Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                char x = a.charAt(i);
                char y = b.charAt(j);
                if (Character.isDigit(x) && Character.isDigit(y)) {
                    int ei = i;
                    int ej = j;
                    while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                        ei++;
                    }
                    while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                        ej++;
                    }
                    int c = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
                    if (c != 0) {
                        return c;
                    }
                    i = ei;
                    j = ej;
                } else {
                    if (x != y) {
                        return Character.compare(x, y);
                    }
                    i++;
                    j++;
                }
            }
            int c = Integer.compare(a.length() - i, b.length() - j);
            return c != 0 ? c : a.compareTo(b);
        }
    }
}
