package dev.wippy.runtime.process;

import dev.wippy.runtime.errors.ErrorObject;

/**
 * How an execution ended (spec 02 §1.4): a frozen value, and an error object for abnormal exits. Only the error
 * decides normal versus abnormal; {@code ending} says how the code produced it, for rules that tell a raised error
 * from a returned one (workflow activities, spec 05 §5.4).
 */
public record ExitResult(Object value, ErrorObject error, Ending ending) {
    /** How the code ended. */
    public enum Ending {
        /** Returned a value. */
        VALUE,
        /** Returned {@code nil, err} with an error object. */
        ERROR,
        /** Returned {@code nil, "text"}. */
        TEXT,
        /** Raised an error, crashed or was stopped. */
        RAISED
    }

    public ExitResult(Object value, ErrorObject error) {
        this(value, error, error == null ? Ending.VALUE : Ending.ERROR);
    }

    public boolean isAbnormal() {
        return error != null;
    }
}
