package dev.wippy.workflow.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One record of a run's history. A run starts with {@link RunStarted}; each step is a {@link StepStarted}, the
 * events the step consumed (in the order they were applied), the commands the code issued, and, for the last
 * step, a {@link RunClosed}. Lua values inside are bytes of the durable codec.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HistoryEvent.RunStarted.class, name = "started"),
    @JsonSubTypes.Type(value = HistoryEvent.StepStarted.class, name = "step"),
    @JsonSubTypes.Type(value = HistoryEvent.ActivityCompleted.class, name = "activity_completed"),
    @JsonSubTypes.Type(value = HistoryEvent.TimerFired.class, name = "timer_fired"),
    @JsonSubTypes.Type(value = HistoryEvent.ChildStarted.class, name = "child_started"),
    @JsonSubTypes.Type(value = HistoryEvent.ChildClosed.class, name = "child_closed"),
    @JsonSubTypes.Type(value = HistoryEvent.SignalReceived.class, name = "signal"),
    @JsonSubTypes.Type(value = HistoryEvent.CancelRequested.class, name = "cancel_requested"),
    @JsonSubTypes.Type(value = Command.ActivityScheduled.class, name = "activity"),
    @JsonSubTypes.Type(value = Command.ActivityCanceled.class, name = "activity_cancel"),
    @JsonSubTypes.Type(value = Command.TimerStarted.class, name = "timer"),
    @JsonSubTypes.Type(value = Command.TimerCanceled.class, name = "timer_cancel"),
    @JsonSubTypes.Type(value = Command.ChildRequested.class, name = "child"),
    @JsonSubTypes.Type(value = Command.MessageSent.class, name = "send"),
    @JsonSubTypes.Type(value = Command.CancelSent.class, name = "cancel"),
    @JsonSubTypes.Type(value = Command.TerminateSent.class, name = "terminate"),
    @JsonSubTypes.Type(value = Command.ValueRecorded.class, name = "value"),
    @JsonSubTypes.Type(value = Command.VersionMarked.class, name = "version"),
    @JsonSubTypes.Type(value = Command.AttributesUpserted.class, name = "attrs"),
    @JsonSubTypes.Type(value = HistoryEvent.RunClosed.class, name = "closed"),
})
public sealed interface HistoryEvent permits HistoryEvent.RunStarted, HistoryEvent.StepStarted, HistoryEvent.Input,
        Command, HistoryEvent.RunClosed {

    /** The start of a run: what it runs, with which input, context, options and startup messages. */
    record RunStarted(String workflowId, String runId, String workflowType, String entryId, String taskQueue,
                      long attempt, byte[] args, byte[] context, byte[] options, byte[] startupMessages,
                      String parentPid, long timeNanos) implements HistoryEvent {
    }

    /** A step began; its timestamp is the workflow time of the step (spec 05 §4.2). */
    record StepStarted(long timeNanos) implements HistoryEvent {
    }

    /** Something that reached the code at a quiescent point. */
    sealed interface Input extends HistoryEvent permits ActivityCompleted, TimerFired, ChildStarted, ChildClosed,
            SignalReceived, CancelRequested {
    }

    /** The final outcome of the activity of command {@code seq}. */
    record ActivityCompleted(long seq, byte[] outcome) implements Input {
    }

    record TimerFired(long seq) implements Input {
    }

    /** The child of command {@code seq} started as {@code pid}, or could not start ({@code error}). */
    record ChildStarted(long seq, String pid, byte[] error) implements Input {
    }

    record ChildClosed(long seq, byte[] outcome) implements Input {
    }

    /** A signal; {@code from} is null when it does not come from a process. */
    record SignalReceived(String topic, String from, byte[] payload) implements Input {
    }

    record CancelRequested(String from, String reason) implements Input {
    }

    /** The end of the run: its status and outcome. */
    record RunClosed(String status, byte[] outcome) implements HistoryEvent {
    }
}
