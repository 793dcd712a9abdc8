package dev.wippy.lua.vm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable Lua string: a sequence of bytes, not of Java characters ({@code #"é"} is 2). Equality and ordering
 * are by bytes (unsigned). The hash is computed once and cached, since strings are the usual table keys.
 */
public final class LuaString implements Comparable<LuaString> {
    public static final LuaString EMPTY = new LuaString(new byte[0]);
    private static final java.util.concurrent.ConcurrentHashMap<LuaString, LuaString> INTERNED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final byte[] bytes;
    private int hash;
    /** The decoded text, kept once asked for: PIDs, topics and names are converted again and again. */
    private String text;

    private LuaString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The UTF-8 encoding of {@code s}. */
    public static LuaString of(String s) {
        return s.isEmpty() ? EMPTY : new LuaString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string holding a copy of {@code bytes}. */
    public static LuaString copyOf(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new LuaString(bytes.clone());
    }

    public static LuaString copyOf(byte[] bytes, int from, int to) {
        return from >= to ? EMPTY : new LuaString(Arrays.copyOfRange(bytes, from, to));
    }

    /** A string that takes ownership of {@code bytes}; the caller must never modify the array afterwards. */
    public static LuaString wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new LuaString(bytes);
    }

    /**
     * The canonical instance of this string's content. Compiled constants and library names are interned, so
     * table keys written by one chunk are identical to the keys another chunk looks up, which lets field caches
     * compare by identity.
     */
    public LuaString intern() {
        LuaString prior = INTERNED.putIfAbsent(this, this);
        return prior != null ? prior : this;
    }

    /** A string of the bytes {@code 0..255} given as the chars of a Latin-1 Java string. */
    public static LuaString ofLatin1(String s) {
        return wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    public int length() {
        return bytes.length;
    }

    /** The byte at {@code i} (0-based) as an unsigned value. */
    public int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    /**
     * The backing array, for libraries that scan the bytes without copying. It must never be modified.
     */
    public byte[] rawBytes() {
        return bytes;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The substring of bytes {@code [from, to)} (0-based). */
    public LuaString substring(int from, int to) {
        if (from == 0 && to == bytes.length) {
            return this;
        }
        return copyOf(bytes, from, to);
    }

    public LuaString concat(LuaString other) {
        if (other.bytes.length == 0) {
            return this;
        }
        if (bytes.length == 0) {
            return other;
        }
        byte[] r = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
        System.arraycopy(other.bytes, 0, r, bytes.length, other.bytes.length);
        return new LuaString(r);
    }

    public boolean startsWith(LuaString prefix) {
        return Arrays.equals(bytes, 0, Math.min(prefix.bytes.length, bytes.length), prefix.bytes, 0,
                prefix.bytes.length);
    }

    /** Decodes the bytes as UTF-8, replacing malformed sequences. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = new String(bytes, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    /** The bytes as the chars of a Latin-1 string, one char per byte (lossless). */
    public String toLatin1() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = computeHash(bytes);
            hash = h;
        }
        return h;
    }

    private static int computeHash(byte[] b) {
        int h = 0x2545F491 ^ b.length;
        for (byte x : b) {
            h = (h ^ (x & 0xff)) * 0x01000193;
        }
        h ^= h >>> 15;
        return h == 0 ? 1 : h;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof LuaString s && s.hashCode() == hashCode() && Arrays.equals(bytes, s.bytes);
    }

    /** Lexicographic comparison of unsigned bytes, like C's {@code strcoll} in the C locale. */
    @Override
    public int compareTo(LuaString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }
}
