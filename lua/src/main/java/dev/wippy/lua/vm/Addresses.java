package dev.wippy.lua.vm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "address" shown by {@code tostring} for tables, functions, threads and userdata: unique among live objects
 * (identity hash codes are not), assigned on first use so that objects pay nothing until printed. Short strings
 * share the address of any equal live short string, as PUC interns them.
 */
final class Addresses {
    private static final ConcurrentHashMap<Key, Long> IDS = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static final AtomicLong NEXT = new AtomicLong(1);
    /** PUC's {@code LUAI_MAXSHORTLEN}: longer strings are separate objects even when equal. */
    private static final int MAX_SHORT_STRING = 40;

    private Addresses() {}

    static String of(Object o) {
        expunge();
        long id = IDS.computeIfAbsent(new Key(o, QUEUE), k -> NEXT.getAndIncrement());
        return String.format("0x%014x", 0x55d0_0000_0000L + id * 0x40);
    }

    private static void expunge() {
        Object k;
        while ((k = QUEUE.poll()) != null) {
            IDS.remove(k);
        }
    }

    private static boolean isShortString(Object o) {
        return o instanceof LuaString s && s.length() <= MAX_SHORT_STRING;
    }

    private static final class Key extends WeakReference<Object> {
        private final int hash;
        private final boolean byContent;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.byContent = isShortString(referent);
            this.hash = byContent ? referent.hashCode() : System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Object mine = get();
            if (!(o instanceof Key k) || mine == null || k.byContent != byContent) {
                return false;
            }
            return byContent ? mine.equals(k.get()) : mine == k.get();
        }
    }
}
