package dev.wippy.runtime.ext;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test extension found with the ServiceLoader: {@code test.greeting} entries (decoded, so their data may use
 * placeholders) become the {@code greetings} module; it records its lifecycle.
 */
public final class GreetingExtension implements Extension {
    /** What happened to the subsystems of this extension, in order, across the tests of one JVM. */
    public static final List<String> EVENTS = new ArrayList<>();

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("test.greeting", true));
    }

    @Override
    public int order() {
        return SERVERS;
    }

    @Override
    public Subsystem boot(Boot boot) {
        Map<String, String> greetings = new TreeMap<>();
        for (Entry e : boot.decoded().ofKind("test.greeting")) {
            String text = e.string("text");
            if (text == null) {
                throw BootException.at(e, "a greeting needs a text");
            }
            greetings.put(e.name(), text);
        }
        boot.module("greetings", s -> {
            LuaTable t = new LuaTable();
            t.putStr(LuaString.of("get"), new JavaFunction("greetings.get",
                    (st, a) -> LuaString.of(greetings.get(a[0].toString()))));
            return t;
        });
        EVENTS.add("boot");
        return new Subsystem() {
            @Override
            public void start() {
                EVENTS.add("start");
            }

            @Override
            public List<String> stop(Duration timeout) {
                EVENTS.add("stop");
                return List.of();
            }

            @Override
            public void close() {
                EVENTS.add("close");
            }
        };
    }
}
