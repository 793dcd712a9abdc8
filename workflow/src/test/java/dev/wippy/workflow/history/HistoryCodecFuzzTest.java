package dev.wippy.workflow.history;

import dev.wippy.lua.fuzz.ByteMutation;
import dev.wippy.lua.fuzz.SeededTries;
import dev.wippy.lua.fuzz.TimeBound;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.values.MessagePackTokens;
import dev.wippy.workflow.core.DurableCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The records of a history step with a few random edits decode to history records or fail with
 * {@link HistoryCodec.CorruptHistory}: never another exception, never a hang.
 */
class HistoryCodecFuzzTest {
    private static final byte[] ARGS = DurableCodec.encodeAll(new Object[] {40L, LuaString.of("x")});
    /** One record of each kind a step stores. */
    private static final List<HistoryEvent> RECORDS = List.of(
            new HistoryEvent.RunStarted("wf-1", "run-1", "app:flow", "app:flow", "orders", 1, ARGS,
                    Encoded.map(Map.of()), Encoded.plain(Map.<String, Object>of("retry", 3L)), null, null, 1_000L),
            new HistoryEvent.StepStarted(2_000L),
            new HistoryEvent.ActivityCompleted(1, ARGS),
            new HistoryEvent.TimerFired(2),
            new HistoryEvent.ChildStarted(3, "{host|pid}", null),
            new HistoryEvent.ChildClosed(3, ARGS),
            new HistoryEvent.SignalReceived("approve", null, DurableCodec.encode(LuaString.of("yes"))),
            new HistoryEvent.CancelRequested("{host|pid}", "stop"),
            new Command.ActivityScheduled(4, "app:charge", ARGS, null, Encoded.plain(Map.of())),
            new Command.TimerStarted(5, 1_000_000_000L),
            new Command.MessageSent(6, "{host|pid}", "done", ARGS),
            new Command.ValueRecorded(7, "uuid", DurableCodec.encode(LuaString.of("0f"))),
            new Command.VersionMarked(8, "change", 2),
            new HistoryEvent.RunClosed("completed", ARGS));

    /** One to five records of a step (any kinds, in any order) and the edits to make to their bytes. */
    record MutatedStep(List<HistoryEvent> step, List<ByteMutation> mutations) {
        static MutatedStep draw(Random random) {
            return new MutatedStep(SeededTries.listOf(random, 1, 5, r -> SeededTries.oneOf(r, RECORDS)),
                    ByteMutation.list(random, MessagePackTokens.ALL, 8));
        }
    }

    @Test
    void mutatedRecordsDecodeOrFailAsCorruptHistory() {
        SeededTries.check(1515, 800, MutatedStep::draw, input -> {
            byte[] bytes = ByteMutation.applyAll(HistoryCodec.encodeList(input.step()), input.mutations());
            try {
                TimeBound.call(Duration.ofSeconds(1), 0, () -> HistoryCodec.decodeList(bytes));
            } catch (HistoryCodec.CorruptHistory e) {
                // the codec's own error: the one way broken records may fail
            }
        });
    }
}
