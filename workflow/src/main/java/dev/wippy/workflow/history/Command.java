package dev.wippy.workflow.history;

/**
 * A command the workflow code issued, numbered within its run. Replay compares commands in order by kind and
 * identity, never by arguments (spec 05 §6 G10).
 */
public sealed interface Command extends HistoryEvent {
    long seq();

    /** What kind of command this is, as the non-determinism log names it. */
    String kind();

    /** What identifies it besides its kind: the target entry, the destination, the change ID. */
    String identity();

    default boolean sameAs(Command other) {
        return other != null && kind().equals(other.kind()) && identity().equals(other.identity());
    }

    default String describe() {
        return identity().isEmpty() ? kind() : kind() + " " + identity();
    }

    record ActivityScheduled(long seq, String entryId, byte[] args, byte[] context, byte[] options)
            implements Command {
        public String kind() {
            return "activity";
        }

        public String identity() {
            return entryId;
        }
    }

    record ActivityCanceled(long seq, long activitySeq) implements Command {
        public String kind() {
            return "activity cancel";
        }

        public String identity() {
            return "#" + activitySeq;
        }
    }

    record TimerStarted(long seq, long nanos) implements Command {
        public String kind() {
            return "timer";
        }

        public String identity() {
            return "";
        }
    }

    record TimerCanceled(long seq, long timerSeq) implements Command {
        public String kind() {
            return "timer cancel";
        }

        public String identity() {
            return "#" + timerSeq;
        }
    }

    /** A child workflow start; {@code host} is a worker ID, a task queue, or null for the child's binding. */
    record ChildRequested(long seq, String entryId, String host, byte[] args, byte[] context, String name,
                          byte[] startupMessages, byte[] options) implements Command {
        public String kind() {
            return "child workflow";
        }

        public String identity() {
            return entryId;
        }
    }

    record MessageSent(long seq, String destination, String topic, byte[] payload) implements Command {
        public String kind() {
            return "send";
        }

        public String identity() {
            return destination;
        }
    }

    record CancelSent(long seq, String destination, String reason) implements Command {
        public String kind() {
            return "cancel";
        }

        public String identity() {
            return destination;
        }
    }

    record TerminateSent(long seq, String destination) implements Command {
        public String kind() {
            return "terminate";
        }

        public String identity() {
            return destination;
        }
    }

    /** A value made once and recorded: a UUID, random bytes. */
    record ValueRecorded(long seq, String valueKind, byte[] value) implements Command {
        public String kind() {
            return "recorded value";
        }

        public String identity() {
            return valueKind;
        }
    }

    record VersionMarked(long seq, String changeId, long version) implements Command {
        public String kind() {
            return "version marker";
        }

        public String identity() {
            return changeId;
        }
    }

    record AttributesUpserted(long seq, byte[] search, byte[] memo) implements Command {
        public String kind() {
            return "attribute upsert";
        }

        public String identity() {
            return "";
        }
    }
}
