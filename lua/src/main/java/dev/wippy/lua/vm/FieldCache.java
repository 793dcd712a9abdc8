package dev.wippy.lua.vm;

/**
 * The inline cache of one field-access site ({@code t.name}): the hash-part slot where the key was last found.
 * Shared by all states running the same compiled code; races only cost a cache miss.
 */
public final class FieldCache {
    int slot;
    private FieldCache classCache;

    /** The cache for the class table reached through {@code __index} (method lookups). */
    FieldCache forClass() {
        FieldCache c = classCache;
        if (c == null) {
            c = new FieldCache();
            classCache = c;
        }
        return c;
    }
}
