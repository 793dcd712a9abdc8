package dev.wippy.bench;

import dev.wippy.lua.Lua;
import dev.wippy.lua.vm.LuaState;

/**
 * Heap cost of a Lua state with the standard libraries of the sandbox profile, beyond data shared by all states:
 * creates many states, keeps them reachable, and divides the heap growth by their number.
 */
public final class StateFootprint {
    private StateFootprint() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Lua.newState(Lua.Profile.SANDBOX);
        long before = usedAfterGc();
        LuaState[] states = new LuaState[n];
        for (int i = 0; i < n; i++) {
            states[i] = Lua.newState(Lua.Profile.SANDBOX);
        }
        long after = usedAfterGc();
        System.out.printf("states %d, bytes per state %.0f%n", states.length, (after - before) / (double) n);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
