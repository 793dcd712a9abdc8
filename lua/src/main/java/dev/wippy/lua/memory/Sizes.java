package dev.wippy.lua.memory;

/**
 * The bytes charged for each kind of Lua value, the same when it is made and when a walk finds it. They follow PUC
 * Lua's own sizes (a 16-byte slot per array element, a 32-byte node per hash entry, a string's header plus its
 * bytes) so that {@code collectgarbage("count")} reads like PUC's; they are estimates, not the JVM's exact layout.
 */
public final class Sizes {
    public static final long TABLE = 56;
    public static final long ARRAY_SLOT = 16;
    public static final long HASH_ENTRY = 32;
    public static final long STRING = 24;
    public static final long CLOSURE = 32;
    public static final long UPVALUE = 8;
    public static final long CELL = 16;
    public static final long JAVA_FUNCTION = 32;
    /** A coroutine's state plus the first stack chunk of the virtual thread that runs it. */
    public static final long COROUTINE = 1024;
    public static final long USERDATA = 40;

    private Sizes() {}

    public static long string(int length) {
        return STRING + length;
    }

    public static long table(int arraySlots, int hashEntries) {
        return TABLE + arraySlots * ARRAY_SLOT + hashEntries * HASH_ENTRY;
    }

    public static long closure(int upvalues) {
        return CLOSURE + upvalues * UPVALUE;
    }
}
