package dev.wippy.runtime.registry;

/** A changeset the registry refused (spec 01 §4.7); nothing of it was applied. */
public final class ChangeRejected extends RuntimeException {

    /** Why: the three per-op failures of the specification. */
    public enum Reason { INVALID, NOT_FOUND, ALREADY_EXISTS }

    private final Reason reason;

    public ChangeRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
