package dev.wippy.runtime.json;

import dev.wippy.lua.vm.LuaTable;

/**
 * Decides whether a table is a JSON array or a JSON object (spec 03 §3.8.1). Keys {@code 1..n} without gaps make
 * an array; no positive-integer key makes an object; anything in between is refused rather than guessed, since a
 * guess would silently drop or reorder data.
 */
final class TableShape {
    /** What {@link #arrayLength} returns for a table written as an object. */
    static final long OBJECT = -1;

    private TableShape() {
    }

    /**
     * The number of elements of a table written as an array, or {@link #OBJECT}. An empty table gives 0: whether
     * it is {@code []} or {@code {}} is the caller's choice (see {@link EmptyTables}).
     *
     * @throws JsonFailure for a mixed table or a sparse array
     */
    static long arrayLength(LuaTable t) throws JsonFailure {
        long count = 0;
        long max = 0;
        boolean otherKeys = false;
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            if (t.slotKey(slot) instanceof Long k && k > 0) {
                count++;
                max = Math.max(max, k);
            } else {
                otherKeys = true;
            }
        }
        if (count == 0) {
            return otherKeys ? OBJECT : 0;
        }
        if (otherKeys) {
            throw new JsonFailure("cannot encode mixed table: it has both array indices and other keys");
        }
        if (max != count) {
            throw new JsonFailure("cannot encode sparse array: " + count + " elements but index " + max);
        }
        return count;
    }
}
