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
}
