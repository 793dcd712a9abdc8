package dev.wippy.lua.memory;

/** A set of objects by identity, open addressing: a walk meets every object of a state once. */
final class IdentitySet {
    private Object[] slots = new Object[256];
    private int size;

    /** Adds {@code o}; false when it was there already. */
    boolean add(Object o) {
        int mask = slots.length - 1;
        int i = mix(System.identityHashCode(o)) & mask;
        while (slots[i] != null) {
            if (slots[i] == o) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = o;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        Object[] old = slots;
        slots = new Object[old.length * 2];
        int mask = slots.length - 1;
        for (Object o : old) {
            if (o != null) {
                int i = mix(System.identityHashCode(o)) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = o;
            }
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
