package dev.wippy.runtime.ext;

import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.registry.Registry;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The app's compiled Lua entries and the sandbox that makes their states, kept current as the registry changes. */
public interface AppCode {
    /** The compiled entry {@code id}, or null when it is not a Lua entry (or no longer exists). */
    LuaEntry lua(String id);

    /** Makes the states of executions. */
    Sandbox sandbox();

    /** Every module entries may require, by name (the core's and the extensions'). */
    Map<String, ModuleProvider> modules();

    /** The entries as kind handlers see them, at the current registry version. */
    Registry decoded();

    /** Calls {@code listener} with the IDs of the Lua entries created, changed or deleted by each new version. */
    void onChange(Consumer<Set<String>> listener);

    /**
     * Lets {@code listener} take part in every registry commit: it checks the new version and prepares what it
     * changes, or refuses the whole commit; what it prepared is applied only when every part accepted.
     */
    void onCommit(CommitListener listener);

    /** An extension's part in a registry commit (spec 01 §4.8). */
    @FunctionalInterface
    interface CommitListener {
        /**
         * Prepares the change from {@code previous} to {@code next} (both with placeholders resolved).
         *
         * @return what applies it once the commit is accepted
         * @throws dev.wippy.runtime.registry.ChangeRejected or {@link dev.wippy.runtime.registry.BootException} to
         *                                                  refuse the commit; nothing changes then
         */
        Runnable prepare(Registry previous, Registry next);
    }
}
