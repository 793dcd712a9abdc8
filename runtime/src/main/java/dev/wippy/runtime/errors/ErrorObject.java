package dev.wippy.runtime.errors;

import dev.wippy.lua.vm.CallStack;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;

import java.util.List;
import java.util.Map;

/**
 * A structured error (spec 03 §3.10): kind, message, retryable flag, details, an optional wrap context around an
 * inner error, and the Lua stack where it was created. Immutable, so the same object can cross process boundaries
 * and be raised with {@code error(err)} keeping its identity.
 */
public final class ErrorObject extends LuaUserdata {
    public static final String NOT_FOUND = "NotFound";
    public static final String ALREADY_EXISTS = "AlreadyExists";
    public static final String INVALID = "Invalid";
    public static final String PERMISSION_DENIED = "PermissionDenied";
    public static final String UNAVAILABLE = "Unavailable";
    public static final String INTERNAL = "Internal";
    public static final String CANCELED = "Canceled";
    public static final String CONFLICT = "Conflict";
    public static final String TIMEOUT = "Timeout";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String UNKNOWN = "";

    private final String kind;
    private final String message;
    private final Boolean retryable;
    private final Map<String, Object> details;
    private final String context;
    private final ErrorObject inner;
    private final List<CallStack.Frame> stack;

    private ErrorObject(String kind, String message, Boolean retryable, Map<String, Object> details, String context,
                        ErrorObject inner, List<CallStack.Frame> stack) {
        super(ErrorsModule.META);
        this.kind = kind;
        this.message = message;
        this.retryable = retryable;
        this.details = details == null || details.isEmpty() ? null : details;
        this.context = context;
        this.inner = inner;
        this.stack = stack;
    }

    /** A new error capturing the current Lua stack; {@code details} must be frozen (see Frozen). */
    public static ErrorObject of(String kind, String message, Boolean retryable, Map<String, Object> details) {
        return new ErrorObject(kind, message, retryable, details, null, null, CallStack.capture());
    }

    public static ErrorObject of(String kind, String message) {
        return of(kind, message, defaultRetryable(kind), null);
    }

    /** The retryable flag runtime modules give errors of a kind (spec 03 §3.10.1). */
    public static Boolean defaultRetryable(String kind) {
        return switch (kind) {
            case UNAVAILABLE, TIMEOUT, RATE_LIMITED -> Boolean.TRUE;
            case NOT_FOUND, ALREADY_EXISTS, INVALID, PERMISSION_DENIED -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code errors.wrap(inner, context)}: keeps the inner kind, flag and details. */
    public static ErrorObject wrap(ErrorObject inner, String context) {
        return new ErrorObject(inner.kind, inner.fullText(), inner.retryable, inner.details, context, inner,
                CallStack.capture());
    }

    /** The same error with another kind (e.g. an unclassified error crossing executions becomes INTERNAL). */
    public ErrorObject withKind(String newKind) {
        return new ErrorObject(newKind, message, retryable, details, context, inner, stack);
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    public Boolean retryable() {
        return retryable;
    }

    public Map<String, Object> details() {
        return details;
    }

    public String context() {
        return context;
    }

    public ErrorObject inner() {
        return inner;
    }

    public List<CallStack.Frame> stack() {
        return stack;
    }

    /** {@code context: message} when wrapped, else the message. */
    public String fullText() {
        return context == null ? message : context + ": " + message;
    }

    @Override
    public boolean isStringConvertible() {
        return true;
    }

    LuaString text() {
        return LuaString.of(message);
    }

    @Override
    public String toString() {
        return message;
    }
}
