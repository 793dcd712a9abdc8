package dev.wippy.lua.vm;

import dev.wippy.lua.memory.Sizes;

import java.util.Arrays;

/**
 * A Lua table: an array part for the keys {@code 1..array.length} and an insertion-ordered hash part for all other
 * keys. Traversal order is the array part in index order, then the hash part in first-insertion order, so it
 * depends only on the operations done to the table (never on identity hashes), as workflow replay requires.
 *
 * <p>The hash part stores keys and values interleaved in {@code entries} in insertion order; {@code index} is an
 * open-addressing table of entry numbers (plus one). Small hash parts (records such as {@code {x = 1, y = 2}})
 * have no index: a linear scan of a few interned keys is faster than hashing and saves memory. Removing a key leaves its entry with a nil value (a
 * tombstone) so that {@code next} keeps working during traversal; tombstones are dropped when the part is rebuilt.
 *
 * <p>Storage can be shared copy-on-write with a template table ({@link #copyOnWrite}): reads need no check, writes
 * copy the arrays first. This keeps a fresh state's library tables cheap.
 *
 * <p>A table made by Lua code charges its state ({@link LuaState#charge}) when it is made and whenever its parts are
 * reallocated (shrinking gives the difference back); tables made by Java code belong to no state's account.
 *
 * <p>All methods here are raw (no metamethods). Keys must already be normalised by the caller where documented.
 */
public final class LuaTable {
    private static final Object[] NO_ARRAY = {};
    /** Hash parts up to this many entries are scanned linearly instead of indexed. */
    private static final int LINEAR_LIMIT = 8;

    private Object[] array = NO_ARRAY;
    private Object[] entries;
    private int[] index;
    /** The index is shared with a copy-on-write relative: keys only change it, so it is copied on insertion. */
    private boolean sharedIndex;
    private int used;
    private LuaTable metatable;
    private boolean sharedStorage;
    private boolean readOnly;
    /** Charged for this table's storage; null for tables made by Java code. */
    private LuaState owner;

    public LuaTable() {}

    /** A table whose array part is presized to {@code narray} slots and hash part to {@code nhash} entries. */
    public LuaTable(int narray, int nhash) {
        if (narray > 0) {
            array = new Object[narray];
        }
        if (nhash > 0) {
            allocateHash(nhash);
        }
    }

    /** A presized table whose storage is charged to {@code owner}. */
    public LuaTable(int narray, int nhash, LuaState owner) {
        this(narray, nhash);
        this.owner = owner;
        owner.charge(Sizes.table(array.length, hashCapacity()), this);
    }

    /** A new table sharing {@code template}'s contents copy-on-write (the metatable is not copied). */
    public static LuaTable copyOnWrite(LuaTable template) {
        LuaTable t = new LuaTable();
        t.array = template.array;
        t.entries = template.entries;
        t.index = template.index;
        t.used = template.used;
        t.sharedStorage = true;
        template.sharedStorage = true;
        return t;
    }

    public LuaTable getMetatable() {
        return metatable;
    }

    public void setMetatable(LuaTable mt) {
        checkWritable();
        metatable = mt;
    }

    /**
     * Freezes the table: any later write (including raw writes and setting a metatable) raises. Used for library
     * tables shared by all sandbox states.
     */
    public LuaTable freeze() {
        readOnly = true;
        return this;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    private void checkWritable() {
        if (readOnly) {
            throw LuaError.runtime("attempt to modify a read-only table");
        }
    }

    // ---------------------------------------------------------------- reads

    /** Raw get with any key (nil key gives nil). */
    public Object get(Object key) {
        if (key instanceof LuaString s) {
            return getStr(s);
        }
        if (key instanceof Long l) {
            return getInt(l);
        }
        if (key instanceof Double d) {
            long l = (long) (double) d;
            if (l == d && d != 0x1p63) {
                return getInt(l);
            }
            return hashGet(key);
        }
        if (key == null) {
            return null;
        }
        return hashGet(key);
    }

    public Object getInt(long key) {
        Object[] a = array;
        if (key - 1 < a.length && key > 0) {
            return a[(int) (key - 1)];
        }
        if (entries == null) {
            return null;
        }
        int e = findLong(key);
        return e < 0 ? null : entries[2 * e + 1];
    }

    public Object getStr(LuaString key) {
        int[] idx = index;
        if (idx == null) {
            if (entries == null) {
                return null;
            }
            int e = scanStr(key);
            return e < 0 ? null : entries[2 * e + 1];
        }
        Object[] en = entries;
        int mask = idx.length - 1;
        int h = key.hashCode() & mask;
        while (true) {
            int e = idx[h];
            if (e == 0) {
                return null;
            }
            Object k = en[2 * e - 2];
            if (k == key || (k instanceof LuaString s && s.equals(key))) {
                return en[2 * e - 1];
            }
            h = (h + 1) & mask;
        }
    }

    private Object hashGet(Object key) {
        if (entries == null) {
            return null;
        }
        int e = find(key);
        return e < 0 ? null : entries[2 * e + 1];
    }

    // ---------------------------------------------------------------- writes

    /**
     * Raw set. Raises {@code table index is nil} / {@code table index is NaN} for invalid keys; float keys with an
     * integer value are stored as integers.
     */
    public void put(Object key, Object value) {
        if (key instanceof LuaString s) {
            putStr(s, value);
        } else if (key instanceof Long l) {
            putInt(l, value);
        } else if (key instanceof Double d) {
            double v = d;
            long l = (long) v;
            if (l == v && v != 0x1p63) {
                putInt(l, value);
            } else if (Double.isNaN(v)) {
                throw LuaError.runtime("table index is NaN");
            } else {
                hashPut(key, value);
            }
        } else if (key == null) {
            throw LuaError.runtime("table index is nil");
        } else {
            hashPut(key, value);
        }
    }

    public void putInt(long key, Object value) {
        if (sharedStorage || readOnly) {
            checkWritable();
            unshare();
        }
        Object[] a = array;
        if (key - 1 < a.length && key > 0) {
            a[(int) (key - 1)] = value;
            return;
        }
        if (key == a.length + 1L && value != null && key < Integer.MAX_VALUE / 2) {
            growArray(Math.max(4, a.length * 2));
            array[(int) (key - 1)] = value;
            return;
        }
        hashPut(key, value);
    }

    public void putStr(LuaString key, Object value) {
        if (!sharedStorage && !readOnly && entries != null) {
            int e = findStr(key);
            if (e >= 0) {
                entries[2 * e + 1] = value;
                return;
            }
        }
        hashPut(key, value);
    }

    private int findStr(LuaString key) {
        int[] idx = index;
        if (idx == null) {
            return scanStr(key);
        }
        Object[] en = entries;
        int mask = idx.length - 1;
        int h = key.hashCode() & mask;
        while (true) {
            int e = idx[h];
            if (e == 0) {
                return -1;
            }
            Object k = en[2 * e - 2];
            if (k == key || (k instanceof LuaString s && s.equals(key))) {
                return e - 1;
            }
            h = (h + 1) & mask;
        }
    }

    // ---------------------------------------------------------------- inline caches

    /**
     * A read through a per-site cache of the entry slot where {@code key} was last found: tables built the same
     * way keep their keys in the same slots, so most lookups are one identity comparison.
     */
    public Object getStrCached(LuaString key, FieldCache cache) {
        Object[] en = entries;
        int slot = cache.slot;
        if (slot < used && en[2 * slot] == key) {
            return en[2 * slot + 1];
        }
        if (en == null) {
            return null;
        }
        int e = findStr(key);
        if (e < 0) {
            return null;
        }
        cache.slot = e;
        return en[2 * e + 1];
    }

    /** A write to an existing key through a per-site cache; false when the caller must take the slow path. */
    public boolean putStrCached(LuaString key, Object value, FieldCache cache) {
        if (sharedStorage || readOnly || entries == null) {
            return false;
        }
        Object[] en = entries;
        int slot = cache.slot;
        if (slot < used && en[2 * slot] == key) {
            en[2 * slot + 1] = value;
            return true;
        }
        int e = findStr(key);
        if (e < 0) {
            return false;
        }
        cache.slot = e;
        en[2 * e + 1] = value;
        return true;
    }

    /** Sets array slot {@code i} (1-based) of a table constructor, growing the array part to hold it. */
    public void setListItem(int i, Object value) {
        checkWritable();
        if (i > array.length) {
            growArray(i);
        }
        array[i - 1] = value;
    }

    private void hashPut(Object key, Object value) {
        if (sharedStorage || readOnly) {
            checkWritable();
            unshare();
        }
        if (entries != null) {
            int e = key instanceof Long l ? findLong(l) : find(key);
            if (e >= 0) {
                entries[2 * e + 1] = value;
                return;
            }
        }
        if (value == null) {
            return;
        }
        if (entries == null || used == entries.length / 2) {
            rehash(key);
            if (key instanceof Long l && l - 1 < array.length && l > 0) {
                array[(int) (l - 1)] = value;
                return;
            }
        }
        int e = used++;
        entries[2 * e] = key;
        entries[2 * e + 1] = value;
        insertIndex(key, e);
    }

    // ---------------------------------------------------------------- length and traversal

    /** The raw length {@code #t}: a border, chosen like PUC Lua so that outputs agree for holey constructors. */
    public long length() {
        Object[] a = array;
        int n = a.length;
        if (n > 0 && a[n - 1] == null) {
            if (n >= 2 && a[n - 2] != null) {
                return n - 1;
            }
            int i = 0;
            int j = n;
            while (j - i > 1) {
                int m = (i + j) >>> 1;
                if (a[m - 1] == null) {
                    j = m;
                } else {
                    i = m;
                }
            }
            return i;
        }
        if (entries == null || getInt(n + 1L) == null) {
            return n;
        }
        return hashBorder(n);
    }

    private long hashBorder(long j) {
        long i = j;
        j++;
        while (getInt(j) != null) {
            i = j;
            if (j > Long.MAX_VALUE / 2) {
                long k = 1;
                while (getInt(k) != null) {
                    k++;
                }
                return k - 1;
            }
            j *= 2;
        }
        while (j - i > 1) {
            long m = (i + j) >>> 1;
            if (getInt(m) == null) {
                j = m;
            } else {
                i = m;
            }
        }
        return i;
    }

    /** Number of slots a traversal visits: array slots first, then hash entries. */
    public int slotLimit() {
        return array.length + used;
    }

    /** The first slot at or after {@code slot} holding a non-nil value, or -1. */
    public int nextSlot(int slot) {
        Object[] a = array;
        int n = a.length;
        for (; slot < n; slot++) {
            if (a[slot] != null) {
                return slot;
            }
        }
        Object[] en = entries;
        int limit = n + used;
        for (; slot < limit; slot++) {
            if (en[2 * (slot - n) + 1] != null) {
                return slot;
            }
        }
        return -1;
    }

    public Object slotKey(int slot) {
        int n = array.length;
        return slot < n ? Long.valueOf(slot + 1) : entries[2 * (slot - n)];
    }

    public Object slotValue(int slot) {
        int n = array.length;
        return slot < n ? array[slot] : entries[2 * (slot - n) + 1];
    }

    /**
     * The slot after the one holding {@code key}, for {@code next}: 0 for a nil key; -1 when the key is not in the
     * table (the caller raises {@code invalid key to 'next'}).
     */
    public int slotAfter(Object key) {
        if (key == null) {
            return 0;
        }
        if (key instanceof Double d) {
            long l = (long) (double) d;
            if (l == d && d != 0x1p63) {
                key = l;
            }
        }
        if (key instanceof Long l && l - 1 < array.length && l > 0) {
            return (int) (long) l;
        }
        if (entries == null) {
            return -1;
        }
        int e = key instanceof Long l ? findLong(l) : find(key);
        return e < 0 ? -1 : array.length + e + 1;
    }

    /** Number of array slots (the size of the array part, including nils). */
    public int arrayCapacity() {
        return array.length;
    }

    /** Number of entries the hash part has room for. */
    public int hashCapacity() {
        return entries == null ? 0 : entries.length / 2;
    }

    // ---------------------------------------------------------------- internals

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int hashOf(Object key) {
        if (key instanceof LuaString s) {
            return s.hashCode();
        }
        if (key instanceof Long l) {
            return mix(Long.hashCode(l));
        }
        return mix(key.hashCode());
    }

    private int find(Object key) {
        int[] idx = index;
        if (idx == null) {
            return scan(key);
        }
        Object[] en = entries;
        int mask = idx.length - 1;
        int h = hashOf(key) & mask;
        while (true) {
            int e = idx[h];
            if (e == 0) {
                return -1;
            }
            Object k = en[2 * e - 2];
            if (k == key || k.equals(key)) {
                return e - 1;
            }
            h = (h + 1) & mask;
        }
    }

    private int findLong(long key) {
        int[] idx = index;
        if (idx == null) {
            for (int e = 0; e < used; e++) {
                if (entries[2 * e] instanceof Long l && l == key) {
                    return e;
                }
            }
            return -1;
        }
        Object[] en = entries;
        int mask = idx.length - 1;
        int h = mix(Long.hashCode(key)) & mask;
        while (true) {
            int e = idx[h];
            if (e == 0) {
                return -1;
            }
            if (en[2 * e - 2] instanceof Long l && l == key) {
                return e - 1;
            }
            h = (h + 1) & mask;
        }
    }

    /** Linear search of a small hash part: identity first (keys are usually interned), then equality. */
    private int scanStr(LuaString key) {
        Object[] en = entries;
        int n = used;
        for (int e = 0; e < n; e++) {
            if (en[2 * e] == key) {
                return e;
            }
        }
        for (int e = 0; e < n; e++) {
            if (en[2 * e] instanceof LuaString s && s.equals(key)) {
                return e;
            }
        }
        return -1;
    }

    private int scan(Object key) {
        Object[] en = entries;
        for (int e = 0; e < used; e++) {
            Object k = en[2 * e];
            if (k == key || k.equals(key)) {
                return e;
            }
        }
        return -1;
    }

    private void insertIndex(Object key, int e) {
        int[] idx = index;
        if (idx == null) {
            return;
        }
        if (sharedIndex) {
            idx = idx.clone();
            index = idx;
            sharedIndex = false;
        }
        int mask = idx.length - 1;
        int h = hashOf(key) & mask;
        while (idx[h] != 0) {
            h = (h + 1) & mask;
        }
        idx[h] = e + 1;
    }

    private void allocateHash(int capacity) {
        entries = new Object[2 * capacity];
        index = capacity <= LINEAR_LIMIT ? null : new int[2 * Integer.highestOneBit(capacity * 2 - 1)];
        sharedIndex = false;
        used = 0;
    }

    private void unshare() {
        sharedStorage = false;
        array = array.length == 0 ? NO_ARRAY : array.clone();
        if (entries != null) {
            // only the used entries: a state's copy of a library table is rarely given new keys
            entries = Arrays.copyOf(entries, 2 * used);
            sharedIndex = index != null;
        }
        charge(array.length, hashCapacity());
    }

    private void growArray(int newSize) {
        int old = array.length;
        array = Arrays.copyOf(array, newSize);
        if (entries != null) {
            for (int k = old + 1; k <= newSize; k++) {
                int e = findLong(k);
                if (e >= 0) {
                    array[k - 1] = entries[2 * e + 1];
                    entries[2 * e + 1] = null;
                }
            }
        }
        charge(newSize - old, 0);
    }

    /** Charges storage just (re)allocated, once the table is consistent again: the charge may walk the state. */
    private void charge(int arraySlots, int hashEntries) {
        LuaState o = owner;
        if (o != null) {
            o.charge(arraySlots * Sizes.ARRAY_SLOT + hashEntries * Sizes.HASH_ENTRY, this);
        }
    }

    /**
     * Rebuilds the hash part when it is full, dropping tombstones. Like PUC Lua, integer keys move to the array
     * part when more than half of the slots {@code 1..n} of the resulting array would be in use.
     */
    /**
     * Drops the keys of removed entries, which are otherwise kept so that {@code next} can go on with a traversal
     * (used when the keys must become collectable, as in weak tables).
     */
    public void forgetRemovedKeys() {
        if (sharedStorage || readOnly) {
            checkWritable();
            unshare();
        }
        if (entries != null) {
            rehash(null);
        }
    }

    private void rehash(Object extraKey) {
        int live = 0;
        int[] counts = new int[32];
        int arrayCount = countArray(counts);
        if (entries != null) {
            for (int e = 0; e < used; e++) {
                if (entries[2 * e + 1] != null) {
                    live++;
                    countIntKey(entries[2 * e], counts);
                }
            }
        }
        countIntKey(extraKey, counts);
        int newArray = computeArraySize(counts, arrayCount + countIntKeyOne(extraKey));
        Object[] oldEntries = entries;
        int oldUsed = used;
        int oldArray = array.length;
        int oldHash = hashCapacity();
        if (newArray > array.length) {
            array = Arrays.copyOf(array, newArray);
        }
        int capacity = 4;
        while (capacity < live + 1) {
            capacity <<= 1;
        }
        allocateHash(capacity);
        for (int e = 0; e < oldUsed; e++) {
            Object k = oldEntries[2 * e];
            Object v = oldEntries[2 * e + 1];
            if (v == null) {
                continue;
            }
            if (k instanceof Long l && l - 1 < array.length && l > 0) {
                array[(int) (l - 1)] = v;
                continue;
            }
            int n = used++;
            entries[2 * n] = k;
            entries[2 * n + 1] = v;
            insertIndex(k, n);
        }
        charge(array.length - oldArray, hashCapacity() - oldHash);
    }

    private int countArray(int[] counts) {
        int total = 0;
        Object[] a = array;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != null) {
                counts[ceilLog2(i + 1)]++;
                total++;
            }
        }
        return total;
    }

    private static int countIntKeyOne(Object key) {
        return key instanceof Long l && l > 0 && l <= (1L << 30) ? 1 : 0;
    }

    private static void countIntKey(Object key, int[] counts) {
        if (key instanceof Long l && l > 0 && l <= (1L << 30)) {
            counts[ceilLog2((int) (long) l)]++;
        }
    }

    private static int ceilLog2(int x) {
        return x <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /** PUC's rule: the largest power of two n such that more than n/2 of the keys 1..n are present. */
    private static int computeArraySize(int[] counts, int totalInts) {
        int a = 0;
        int na = 0;
        int optimal = 0;
        for (int i = 0, twotoi = 1; twotoi > 0 && totalInts > twotoi / 2; i++, twotoi <<= 1) {
            a += counts[i];
            if (a > twotoi / 2) {
                optimal = twotoi;
                na = a;
            }
        }
        return na == 0 ? 0 : optimal;
    }
}
