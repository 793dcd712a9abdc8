package dev.wippy.runtime.lua;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;

import java.util.function.Supplier;

/**
 * Values that differ on every execution: random bytes, fresh UUIDs, nonces (spec 05 §4.2). Functions and processes
 * compute them each time; a workflow records the first result and returns it again on replay. Modules get their
 * values through {@link #of}, so they never know which context they run in.
 */
@FunctionalInterface
public interface SideEffects {
    /** Computes nothing itself: every value is fresh. */
    SideEffects DIRECT = (kind, fresh) -> fresh.get();

    /** The value {@code fresh} makes, or the one recorded for this point of the execution; {@code kind} names it. */
    byte[] record(String kind, Supplier<byte[]> fresh);

    /** Makes {@code effects} the side-effect host of {@code s}. */
    static void install(LuaState s, SideEffects effects) {
        s.registry().putStr(Key.HOST, new LuaUserdata(effects, null));
    }

    /** The host installed on {@code s}, else {@link #DIRECT}. */
    static SideEffects of(LuaState s) {
        return s.registry().getStr(Key.HOST) instanceof LuaUserdata u && u.payload() instanceof SideEffects e
                ? e : DIRECT;
    }

    /** Where the host is kept: the state's registry, out of reach of sandboxed code. */
    final class Key {
        static final LuaString HOST = LuaString.of("wippy.side_effects");

        private Key() {
        }
    }
}
