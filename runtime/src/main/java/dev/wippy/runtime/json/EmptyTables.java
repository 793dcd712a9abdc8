package dev.wippy.runtime.json;

import dev.wippy.lua.vm.LuaTable;

import java.util.Set;

/** Chooses whether an empty Lua table is written as {@code {}} or {@code []}: Lua itself cannot tell them apart. */
@FunctionalInterface
interface EmptyTables {
    /** {@code json.encode}'s rule (spec 03 §3.8.1): {@code []} unless the table is remembered as an object. */
    EmptyTables AS_REMEMBERED = (t, member) -> ObjectTables.remembersObject(t);

    /**
     * For JSON Schemas written as Lua tables, where an empty table is nearly always a schema or a map
     * ({@code properties = {}}), except as the value of a keyword that takes an array ({@code required = {}}).
     */
    EmptyTables IN_SCHEMA = new EmptyTables() {
        private static final Set<String> ARRAY_KEYWORDS =
                Set.of("required", "enum", "examples", "type", "allOf", "anyOf", "oneOf", "prefixItems");

        @Override
        public boolean asObject(LuaTable t, String member) {
            return ObjectTables.remembersObject(t) || member == null || !ARRAY_KEYWORDS.contains(member);
        }
    };

    /** Whether {@code t}, found under the object member {@code member} (null at the root and in arrays), is {}. */
    boolean asObject(LuaTable t, String member);
}
