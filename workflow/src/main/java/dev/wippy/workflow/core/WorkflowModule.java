package dev.wippy.workflow.core;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.process.SpawnException;
import dev.wippy.runtime.process.SpawnOptions;
import dev.wippy.runtime.values.Frozen;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code workflow} module (spec 05 §4.7): {@code info}, {@code exec}, {@code version}, {@code attrs},
 * {@code history_length} and {@code history_size}. Only workflow code may require it.
 */
public final class WorkflowModule {
    private static final LuaTable TABLE = new LuaTable();

    /** The module; requiring it outside a workflow raises. */
    public static final ModuleProvider PROVIDER = s -> {
        if (!(Execution.of(s) instanceof WorkflowExecution)) {
            throw LuaError.library("module 'workflow' is not available outside workflows: only workflow.lua "
                    + "entries may require it");
        }
        return TABLE;
    };

    static {
        fn("info", (s, a) -> {
            Operations ops = run(s).guard().ops();
            RunInfo i = ops.info();
            LuaTable t = new LuaTable(0, 8);
            put(t, "workflow_id", LuaString.of(i.workflowId()));
            put(t, "run_id", LuaString.of(i.runId()));
            put(t, "workflow_type", LuaString.of(i.workflowType()));
            put(t, "task_queue", LuaString.of(i.taskQueue()));
            put(t, "namespace", LuaString.of(i.namespace()));
            put(t, "attempt", i.attempt());
            put(t, "history_length", ops.historyLength());
            put(t, "history_size", ops.historySize());
            return t;
        });
        fn("exec", WorkflowModule::exec);
        fn("version", WorkflowModule::version);
        fn("attrs", WorkflowModule::attrs);
        fn("history_length", (s, a) -> run(s).guard().ops().historyLength());
        fn("history_size", (s, a) -> run(s).guard().ops().historySize());
        TABLE.freeze();
    }

    private WorkflowModule() {
    }

    private static void fn(String name, JavaFunction.Body body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction("workflow." + name, body));
    }

    private static void put(LuaTable t, String key, Object value) {
        t.putStr(LuaString.of(key), value);
    }

    private static WorkflowExecution run(LuaState s) {
        if (Execution.of(s) instanceof WorkflowExecution w) {
            return w;
        }
        throw LuaError.library("workflow: not in a workflow");
    }

    private static Object invalid(String message) {
        return Multi.of(null, ErrorObject.of(ErrorObject.INVALID, message, false, null));
    }

    /** {@code workflow.exec(id, ...)}: a child on its own binding's queue (else the parent's), waited for. */
    private static Object exec(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaString id)) {
            return invalid("workflow.exec needs a workflow entry ID");
        }
        WorkflowExecution self = run(s);
        ExitResult r;
        try {
            Object[] args = Frozen.freezeAll(Arrays.copyOfRange(a, 1, Math.max(1, a.length)));
            r = self.workflowActions().start(self, id.toString(), null, args, SpawnOptions.NONE, false)
                    .awaitOutcome();
        } catch (Frozen.NotTransferable e) {
            return invalid(e.getMessage());
        } catch (SpawnException e) {
            return Multi.of(null, ErrorObject.of(e.kind(), e.getMessage()));
        }
        return r.isAbnormal() ? Multi.of(null, r.error()) : Frozen.thaw(r.value());
    }

    private static Object version(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaString change) || change.length() == 0) {
            return invalid("workflow.version: change_id must be a non-empty string");
        }
        Long min = integer(Args.arg(a, 1));
        Long max = integer(Args.arg(a, 2));
        if (min == null || max == null || min > max) {
            return invalid("workflow.version: min_supported and max_supported must be integers with min <= max");
        }
        return run(s).guard().ops().version(change.toString(), min, max);
    }

    private static Long integer(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return LuaNumbers.toInteger(d);
        }
        return null;
    }

    /** {@code workflow.attrs({ search = {...}, memo = {...} })}: values are strings, numbers, booleans or lists. */
    private static Object attrs(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof LuaTable t)) {
            return invalid("workflow.attrs needs a table with search and/or memo");
        }
        try {
            Map<String, Object> search = section(t, "search");
            Map<String, Object> memo = section(t, "memo");
            run(s).guard().ops().upsertAttributes(search, memo);
        } catch (IllegalArgumentException | Frozen.NotTransferable e) {
            return invalid("workflow.attrs: " + e.getMessage());
        }
        return Boolean.TRUE;
    }

    private static Map<String, Object> section(LuaTable t, String name) {
        Object v = t.getStr(LuaString.of(name));
        if (v == null) {
            return Map.of();
        }
        if (!(Frozen.toJava(Frozen.freeze(v)) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(name + " must be a table of attributes");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, value) -> {
            boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean;
            boolean strings = value instanceof List<?> list && list.stream().allMatch(x -> x instanceof String);
            if (!plain && !strings) {
                throw new IllegalArgumentException(name + "." + k + " must be a string, number, boolean or a list "
                        + "of strings");
            }
            out.put(String.valueOf(k), value);
        });
        return out;
    }
}
