package dev.wippy.runtime.memory;

/**
 * Which limit a process gets: its spawn's {@code max_memory} option when given, else its host's {@code max_memory},
 * else none (0).
 */
public final class MemoryLimit {
    public static final String OPTION = "max_memory";

    private MemoryLimit() {}

    /** The limit in bytes; {@link ByteSize.Invalid} when {@code spawnOption} is given but is not a size. */
    public static long of(long hostDefault, Object spawnOption) {
        return spawnOption == null ? hostDefault : ByteSize.parse(spawnOption);
    }
}
