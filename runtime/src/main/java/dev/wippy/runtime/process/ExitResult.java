package dev.wippy.runtime.process;

import dev.wippy.runtime.errors.ErrorObject;

/**
 * How an execution ended (spec 02 §1.4): a frozen value, and an error object for abnormal exits. Only the error
 * decides normal versus abnormal.
 */
public record ExitResult(Object value, ErrorObject error) {
    public boolean isAbnormal() {
        return error != null;
    }
}
