package dev.wippy.lua.vm;

/**
 * Where the locals of a function compiled to keep them are active, for {@code debug.getlocal}: entry {@code i} is
 * a variable named {@code names[i]}, kept at {@code indices[i]} of its {@link DebugFrame} and active while the
 * frame runs statements numbered from {@code starts[i]} (inclusive) to {@code ends[i]} (exclusive). Entries are in
 * declaration order, so the active ones at a statement are numbered as PUC numbers them.
 */
public final class LocalScopes {
    private final String[] names;
    private final int[] indices;
    private final int[] starts;
    private final int[] ends;
    private final int frameSize;

    public LocalScopes(String[] names, int[] indices, int[] starts, int[] ends, int frameSize) {
        this.names = names;
        this.indices = indices;
        this.starts = starts;
        this.ends = ends;
        this.frameSize = frameSize;
    }

    /** How many values a frame of the function keeps. */
    int frameSize() {
        return frameSize;
    }

    /** The entry of the {@code n}th (from 1) local active at statement {@code point}, or -1. */
    int active(int n, int point) {
        int seen = 0;
        for (int i = 0; i < names.length; i++) {
            if (starts[i] <= point && point < ends[i] && ++seen == n) {
                return i;
            }
        }
        return -1;
    }

    String name(int entry) {
        return names[entry];
    }

    int index(int entry) {
        return indices[entry];
    }
}
