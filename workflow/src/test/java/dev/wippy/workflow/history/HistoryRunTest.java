package dev.wippy.workflow.history;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.funcs.FuncsModule;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.time.TimeModule;
import dev.wippy.runtime.uuid.UuidModule;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.core.WorkflowKinds;
import dev.wippy.workflow.core.WorkflowModule;
import dev.wippy.workflow.core.WorkflowRun;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history-driven core without a provider: a live run records commands step by step, a replay of the records
 * in a fresh state issues them again and ends alike, and changed code is caught as non-determinism.
 */
class HistoryRunTest {
    private final Node node = new Node();
    private final Map<String, ModuleProvider> modules = Map.of("time", TimeModule.PROVIDER, "uuid",
            UuidModule.PROVIDER, "funcs", FuncsModule.provider(new Functions(node)), "workflow",
            WorkflowModule.PROVIDER);
    private final Sandbox sandbox = new Sandbox(modules, id -> null, new JavaFunction("print", (s, a) -> Multi.EMPTY));

    private static final String ORDER = """
            local function main(n)
              local inbox = process.inbox()
              local sum, err = funcs.call("app:add", n, 2)
              local sizes = { workflow.history_size() }
              time.sleep("1h")
              sizes[2] = workflow.history_size()
              local id = uuid.v4()
              local msg = inbox:receive()
              return { sum = sum, id = id, said = msg:payload():data(), at = time.now():unix(), sizes = sizes }
            end
            return { main = main }
            """;

    private WorkflowRun.Code code(String source) {
        LuaEntry entry = new LuaEntry("app:order", Lua.compile(source, "app:order"), "main",
                List.of("time", "uuid", "funcs", "workflow"), Map.of());
        return new WorkflowRun.Code(entry, sandbox, id -> WorkflowKinds.WORKFLOW_LUA, false);
    }

    private static HistoryEvent.RunStarted started() {
        return new HistoryEvent.RunStarted("order-1", "run-1", "app:order", "app:order", "orders", 1,
                DurableCodec.encodeAll(new Object[] {40L}), Encoded.map(Map.of()), Encoded.plain(Map.of()),
                Outcomes.encodeMessages(List.of()), null, 0);
    }

    private HistoryRun run(String source) {
        return new HistoryRun(node, StoredStep.of(List.of(started())), "{w@w|order-1}", "default", code(source), 5_000_000_000L);
    }

    private static <T> List<T> ofType(List<HistoryEvent> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Runs the order workflow live, feeding each step the results its commands ask for. */
    private List<StoredStep> liveHistory() {
        HistoryRun live = run(ORDER);
        List<StoredStep> history = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<HistoryEvent> step1 = record(history, live.step(t0, List.of()));
        Command.ActivityScheduled add = ofType(step1, Command.ActivityScheduled.class).getFirst();
        assertThat(add.entryId()).isEqualTo("app:add");
        List<HistoryEvent> step2 = record(history, live.step(t0.plusSeconds(1), List.of(
                new HistoryEvent.ActivityCompleted(add.seq(), Outcomes.encode(new ExitResult(42L, null))))));
        Command.TimerStarted timer = ofType(step2, Command.TimerStarted.class).getFirst();
        assertThat(timer.nanos()).isEqualTo(3_600_000_000_000L);
        List<HistoryEvent> step3 = record(history, live.step(t0.plusSeconds(3601), List.of(
                new HistoryEvent.TimerFired(timer.seq()),
                new HistoryEvent.SignalReceived("hello", null, DurableCodec.encode(LuaString.of("hi"))))));
        assertThat(live.outcome()).isNotNull();
        assertThat(ofType(step3, HistoryEvent.RunClosed.class)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo("completed"));
        live.dispose();
        return history;
    }

    /** Stores a step as the engine does: its records decoded back from the bytes written. */
    private static List<HistoryEvent> record(List<StoredStep> history, StoredStep step) {
        StoredStep stored = StoredStep.decode(step.encoded());
        history.add(stored);
        return stored.records();
    }

    @Test
    void aLiveRunRecordsItsCommandsAndAReplayEndsWithTheSameResult() {
        List<StoredStep> history = liveHistory();
        byte[] recorded = ofType(history.getLast().records(), HistoryEvent.RunClosed.class).getFirst().outcome();
        var result = (dev.wippy.runtime.values.FrozenTable) Outcomes.decode(recorded).value();
        assertThat(result.get("sum")).isEqualTo(42L);
        assertThat(result.get("said")).isEqualTo(LuaString.of("hi"));
        assertThat(result.get("at")).isEqualTo(Instant.parse("2026-01-01T01:00:01Z").getEpochSecond());
        Object[] sizes = ((dev.wippy.runtime.values.FrozenTable) result.get("sizes")).values();
        assertThat(sizes[0]).as("the stored size of the start and the first step").isEqualTo((long)
                (StoredStep.of(List.of(started())).encoded().length + history.get(0).encoded().length));
        assertThat((Long) sizes[1]).isGreaterThan((Long) sizes[0]);

        HistoryRun replayed = run(ORDER);
        replayed.replay(history);
        assertThat(Outcomes.encode(replayed.outcome())).isEqualTo(recorded);
        replayed.dispose();
    }

    @Test
    void changedCodeIsCaughtAsNondeterminismNamingThePositionAndBothCommands() {
        List<StoredStep> history = liveHistory();
        HistoryRun changed = run(ORDER.replace("\"app:add\"", "\"app:subtract\""));
        assertThatThrownBy(() -> changed.replay(history)).isInstanceOf(NondeterminismException.class)
                .hasMessageContaining("nondeterministic workflow order-1 run run-1")
                .hasMessageContaining("at command 1 expected activity app:add, got activity app:subtract");
        changed.dispose();
    }

    @Test
    void codeThatStopsIssuingARecordedCommandIsNondeterministic() {
        List<StoredStep> history = liveHistory();
        HistoryRun changed = run(ORDER.replace("time.sleep(\"1h\")", ""));
        assertThatThrownBy(() -> changed.replay(history)).isInstanceOf(NondeterminismException.class)
                .hasMessageContaining("expected timer, got recorded value uuid.v4");
        changed.dispose();
    }
}
