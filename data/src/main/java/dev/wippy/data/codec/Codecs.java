package dev.wippy.data.codec;

import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;

/** What the codec modules share: their {@code nil, err} and which tables are sequences. */
final class Codecs {
    private Codecs() {
    }

    /** {@code nil, err}; none of the codecs' errors goes away by retrying. */
    static Object failure(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message, Boolean.FALSE, null));
    }

    /** The highest positive integer key of {@code t} (0 when it has none): its positional elements 1..n. */
    static long positional(LuaTable t) {
        long n = 0;
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (t.slotKey(slot) instanceof Long k && k > n) {
                n = k;
            }
        }
        return n;
    }
}
