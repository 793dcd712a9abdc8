package dev.wippy.runtime.values;

/** Marks immutable runtime objects (errors, times, durations) that may cross process boundaries as they are. */
public interface Transferable {
}
