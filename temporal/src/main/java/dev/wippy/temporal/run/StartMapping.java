package dev.wippy.temporal.run;

import dev.wippy.workflow.core.StartOptions;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.RetryOptions;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** Start options of spec 05 §3.4 as Temporal's, shared by starts from processes and child workflows. */
public final class StartMapping {
    private StartMapping() {
    }

    public static WorkflowIdReusePolicy reuse(StartOptions.ReusePolicy p) {
        return switch (p) {
            case ALLOW_DUPLICATE -> WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE;
            case ALLOW_DUPLICATE_FAILED_ONLY -> WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY;
            case REJECT_DUPLICATE -> WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE;
        };
    }

    public static WorkflowIdConflictPolicy conflict(StartOptions o) {
        if (o.errorWhenStarted()) {
            return WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL;
        }
        return switch (o.conflictPolicy()) {
            case USE_EXISTING -> WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
            case FAIL -> WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL;
            case TERMINATE_EXISTING -> WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING;
        };
    }

    /** Timeouts, run retries, cron and memo, given to whichever options builder starts the workflow. */
    public static void common(StartOptions o, Consumer<Duration> executionTimeout, Consumer<Duration> runTimeout,
                              Consumer<RetryOptions> retry, Consumer<String> cron,
                              Consumer<Map<String, Object>> memo) {
        if (o.executionTimeout() != null) {
            executionTimeout.accept(o.executionTimeout());
        }
        if (o.runTimeout() != null) {
            runTimeout.accept(o.runTimeout());
        }
        if (o.retryPolicy() != null) {
            retry.accept(Commands.retry(o.retryPolicy()));
        }
        if (o.cron() != null) {
            cron.accept(o.cron());
        }
        if (!o.memo().isEmpty()) {
            memo.accept(o.memo());
        }
    }
}
