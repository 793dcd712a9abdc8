package dev.wippy.lua.lib;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;

/**
 * Builds the template table of a library once per JVM. States never see a template directly: each gets a
 * copy-on-write view ({@link LuaTable#copyOnWrite}), so a fresh state costs a few objects, not a table per library.
 */
final class LibraryBuilder {
    private final String prefix;
    private final LuaTable table = new LuaTable();

    /** {@code library} is the global name ("string"), or null for base functions (named without prefix). */
    LibraryBuilder(String library) {
        this.prefix = library == null ? "" : library + ".";
    }

    private LibraryBuilder() {
        this.prefix = null;
    }

    /**
     * A builder for methods reachable only through a metatable ({@code file:read}): PUC finds no global name for
     * them, so when no call site names them, messages say {@code '?'}.
     */
    static LibraryBuilder methods() {
        return new LibraryBuilder();
    }

    /** Adds a function; its name for messages is qualified like PUC's ({@code string.rep}, {@code print}). */
    LibraryBuilder fn(String name, JavaFunction.Body body) {
        table.putStr(LuaString.of(name).intern(), new JavaFunction(prefix == null ? null : prefix + name, body));
        return this;
    }

    LibraryBuilder fn(String name, LuaFunction f) {
        table.putStr(LuaString.of(name).intern(), f);
        return this;
    }

    LibraryBuilder value(String name, Object v) {
        table.putStr(LuaString.of(name).intern(), v);
        return this;
    }

    LuaTable build() {
        return table;
    }
}
