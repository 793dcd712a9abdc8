package dev.wippy.runtime.app;

/** The states of a supervised service (spec 03 §3.5.4); {@link #text} is how they are reported. */
public enum ServiceState {
    UNKNOWN, STARTING, RUNNING, STOPPING, STOPPED, FAILED, EXITED;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
