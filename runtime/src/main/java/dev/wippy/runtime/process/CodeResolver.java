package dev.wippy.runtime.process;

/** Finds the code of a process entry by ID. */
public interface CodeResolver {
    /**
     * The code of {@code entryId}.
     *
     * @throws SpawnException NOT_FOUND for an unknown entry, INVALID for an entry that is not a process
     */
    EntryCode resolve(String entryId);
}
