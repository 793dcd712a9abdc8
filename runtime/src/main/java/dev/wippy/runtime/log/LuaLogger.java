package dev.wippy.runtime.log;

import dev.wippy.lua.vm.LuaUserdata;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Logger object of the {@code logger} module: an optional dotted name and fields added to every entry. */
final class LuaLogger extends LuaUserdata {
    static final LuaLogger ROOT = new LuaLogger("", Map.of());

    private final String name;
    private final Map<String, Object> fields;

    private LuaLogger(String name, Map<String, Object> fields) {
        super(null, LoggerModule.META);
        this.name = name;
        this.fields = fields;
    }

    String name() {
        return name;
    }

    Map<String, Object> fields() {
        return fields;
    }

    LuaLogger with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putAll(more);
        return new LuaLogger(name, Map.copyOf(all));
    }

    LuaLogger named(String child) {
        return new LuaLogger(name.isEmpty() ? child : name + "." + child, fields);
    }
}
