package dev.wippy.lua.vm;

/**
 * The value a {@code type Name = ...} declaration binds (phase 1): an opaque object that can be stored, compared
 * and printed; calling or indexing it is not supported yet.
 */
public final class TypeValue extends LuaUserdata {
    private static final LuaTable META = new LuaTable();

    static {
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring",
                (s, args) -> LuaString.of("type: " + ((TypeValue) args[0]).name)));
        JavaFunction unsupported = new JavaFunction("type", (s, args) -> {
            throw LuaError.runtime("type values are not supported yet (type '" + ((TypeValue) args[0]).name + "')");
        });
        META.putStr(MetaNames.INDEX, unsupported);
        META.putStr(MetaNames.CALL, unsupported);
        META.putStr(MetaNames.NAME, LuaString.of("type"));
    }

    private final String name;

    public TypeValue(String name) {
        super(META);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
