package dev.wippy.lua.vm;

/**
 * A userdata value: an opaque embedder object with an optional metatable. Runtime objects either subclass this
 * (passing no payload) or wrap their payload.
 */
public class LuaUserdata {
    private LuaTable metatable;
    private final Object payload;

    public LuaUserdata(Object payload, LuaTable metatable) {
        this.payload = payload;
        this.metatable = metatable;
    }

    protected LuaUserdata(LuaTable metatable) {
        this.payload = this;
        this.metatable = metatable;
    }

    /** The wrapped object (the userdata itself for subclasses). */
    public Object payload() {
        return payload;
    }

    public LuaTable getMetatable() {
        return metatable;
    }

    public void setMetatable(LuaTable metatable) {
        this.metatable = metatable;
    }

    /**
     * Whether string library arguments accept this value, converting it with its {@code __tostring} (spec 06
     * §5.2: error objects passed to {@code string.find}).
     */
    public boolean isStringConvertible() {
        return false;
    }
}
