package dev.wippy.lua.vm;

/** Zero or several results of a call. */
public final class Multi extends CallResult {
    public static final Object[] NO_VALUES = {};
    public static final Multi EMPTY = new Multi(NO_VALUES);

    private final Object[] values;

    private Multi(Object[] values) {
        this.values = values;
    }

    /** The raw result for {@code values}: the value itself when there is exactly one. Takes ownership. */
    public static Object of(Object... values) {
        return switch (values.length) {
            case 0 -> EMPTY;
            case 1 -> values[0];
            default -> new Multi(values);
        };
    }

    public static Object of(Object a, Object b) {
        return new Multi(new Object[] {a, b});
    }

    public int count() {
        return values.length;
    }

    @Override
    public Object first(LuaState s) {
        return values.length == 0 ? null : values[0];
    }

    @Override
    public Object[] all(LuaState s) {
        return values;
    }
}
