package dev.wippy.workflow.core;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.ExitResult;

/** What a workflow sees of a failed activity attempt (spec 05 §5.4), whichever provider ran it. */
public final class ActivityFailures {
    private ActivityFailures() {
    }

    /**
     * The error of a failed attempt, or null when it succeeded: a raised error is final, a returned text is
     * retried, a returned error object keeps its kind and flag (an unclassified kind becomes INTERNAL).
     */
    public static ErrorObject classify(ExitResult r) {
        ErrorObject e = r.error();
        if (e == null) {
            return null;
        }
        String kind = e.kind().isEmpty() ? ErrorObject.INTERNAL : e.kind();
        return switch (r.ending()) {
            case RAISED -> ErrorObject.of(kind, e.fullText(), false, e.details());
            case TEXT -> ErrorObject.of(ErrorObject.INTERNAL, e.fullText(), null, null);
            default -> kind.equals(e.kind()) ? e : e.withKind(kind);
        };
    }
}
