package dev.wippy.lua.vm;

/**
 * Called by running Lua code after every {@link LuaState#budgetInterval()} units of work (loop iterations and
 * calls). An embedder uses it to yield the carrier thread and to stop runaway code by throwing
 * {@link LuaInterrupt}.
 */
@FunctionalInterface
public interface BudgetHook {
    void onBudgetExhausted(LuaState state);
}
