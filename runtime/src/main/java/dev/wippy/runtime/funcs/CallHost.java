package dev.wippy.runtime.funcs;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How {@code funcs} starts calls for the executions of a state: functions and processes invoke the function
 * directly; a workflow schedules an activity and records it (spec 05 §4.9). The module never knows which.
 */
public interface CallHost {
    /**
     * Starts a call of {@code id} (a valid target) for {@code caller}.
     *
     * @param context values the executor adds to the caller's context
     * @param options the executor's call options (plain data by key)
     * @return the started call, or the error object that prevents it
     */
    Object start(Execution caller, String id, Object[] frozenArgs, Map<String, Object> context,
                 Map<String, Object> options);

    /** A call in progress: its outcome arrives once; cancelling ends it. */
    interface Started {
        CompletableFuture<ExitResult> outcome();

        void cancel();
    }

    /** Makes {@code host} the call host of {@code s}. */
    static void install(LuaState s, CallHost host) {
        s.registry().putStr(Key.HOST, new LuaUserdata(host, null));
    }

    /** The host installed on {@code s}, else direct calls of {@code functions}. */
    static CallHost of(LuaState s, Functions functions) {
        if (s.registry().getStr(Key.HOST) instanceof LuaUserdata u && u.payload() instanceof CallHost h) {
            return h;
        }
        return (caller, id, args, context, options) -> {
            Functions.Function f = functions.find(id);
            if (f == null) {
                return ErrorObject.of(ErrorObject.NOT_FOUND, "function not found: " + id, false,
                        Map.of("target", LuaString.of(id)));
            }
            return new Call(functions, f, args, Functions.context(caller, context),
                    CallOptions.merge(f.options(), options)).start();
        };
    }

    /** Where the host is kept: the state's registry, out of reach of sandboxed code. */
    final class Key {
        static final LuaString HOST = LuaString.of("wippy.funcs.host");

        private Key() {
        }
    }
}
