package dev.wippy.runtime.ext;

import dev.wippy.runtime.app.ServiceStatus;
import dev.wippy.runtime.config.RuntimeConfig;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.metrics.CollectorSlot;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/** What an extension boots with: the app's registry and the runtime services it may use or add to. */
public interface Boot {
    /** The app folder; relative paths of entries resolve against it. */
    Path root();

    RuntimeConfig config();

    /** The registry as loaded: raw text, placeholders unresolved. */
    Registry registry();

    /**
     * The registry with placeholders resolved in the data of decoded kinds. Computed on the first call, with the
     * decoder set so far: only an extension booting before the others may {@link #decodeWith set} one.
     */
    Registry decoded();

    /** Resolves placeholders in an entry's data, for {@link #decoded} and for entries changed at run time. */
    void decodeWith(UnaryOperator<Entry> decoder);

    Node node();

    /** The app's function entries, callable from Java. */
    Functions functions();

    /** Makes a Lua module available to entries that list it in {@code modules}. */
    void module(String name, ModuleProvider provider);

    /** The compiled Lua code of the app, usable once the subsystem starts. */
    AppCode code();

    /**
     * The subsystem of type {@code type} of an extension booted before this one (by {@link Extension#order}), or
     * null: how an extension uses another's service, such as the environment's variables.
     */
    <T extends Subsystem> T subsystem(Class<T> type);

    /** A boot warning (a questionable entry that does not stop the boot). */
    void warn(String message);

    /** Where metrics are recorded; an exporting extension installs the collector. */
    CollectorSlot metrics();

    /** The state of every supervised service by entry ID; empty until services start (after the subsystems). */
    Map<String, ServiceStatus> services();

    /** Asks for a graceful shutdown of the runtime that ends the command with {@code code} (spec 01 §5.5). */
    void requestExit(int code);
}
