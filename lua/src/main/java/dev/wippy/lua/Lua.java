package dev.wippy.lua;

import dev.wippy.lua.compiler.ChunkCompiler;
import dev.wippy.lua.compiler.CompiledChunk;
import dev.wippy.lua.lib.Libraries;
import dev.wippy.lua.syntax.SourceText;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaTable;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The engine's entry point for embedders: compile source once into a {@link CompiledChunk} (immutable, shared by
 * any number of states), create states with a library profile, and instantiate chunks in them.
 */
public final class Lua {
    /** Which standard libraries a state gets (spec 06 §1.2). */
    public enum Profile {
        /** The complete PUC surface, for {@code wippy lua FILE}: io, os, debug, package, load, ... */
        STANDALONE,
        /** Application code: no file system, no process control, no dynamic loading. */
        SANDBOX
    }

    private Lua() {}

    /**
     * Compiles a chunk read from a file or an entry (a first line starting with {@code #} is skipped, as by the
     * {@code lua} command). {@code chunkName} is shown in messages as given (an entry ID, or a file path).
     *
     * @throws dev.wippy.lua.syntax.LuaSyntaxError for syntax and other compile-time errors
     */
    public static CompiledChunk compile(byte[] source, String chunkName) {
        return ChunkCompiler.compile(SourceText.ofFile(source), chunkName);
    }

    public static CompiledChunk compile(String source, String chunkName) {
        return compile(source.getBytes(StandardCharsets.UTF_8), chunkName);
    }

    /** A new state with the libraries of {@code profile}. */
    public static LuaState newState(Profile profile) {
        return newState(profile, System.in, System.out, System.err);
    }

    /**
     * The globals of a sandbox state, to extend with an embedder's own globals and then pass to
     * {@link #newSandboxState(LuaTable)}: creating states from one prepared template is much cheaper than adding the
     * same globals to every new state.
     */
    public static LuaTable sandboxTemplate() {
        return Libraries.sandboxGlobals();
    }

    /** A new sandbox state whose globals start as a copy of {@code template} (see {@link #sandboxTemplate()}). */
    public static LuaState newSandboxState(LuaTable template) {
        return Libraries.newSandboxState(template);
    }

    /** A new state whose standalone libraries ({@code print}, {@code io}) use the given streams. */
    public static LuaState newState(Profile profile, InputStream in, OutputStream out, OutputStream err) {
        LuaState s;
        if (profile == Profile.SANDBOX) {
            s = Libraries.newSandboxState();
            s.setStandardStreams(in, out, err);
        } else {
            s = new LuaState(new LuaTable());
            s.setStandardStreams(in, out, err); // before the libraries: io's standard files capture the streams
            Libraries.install(s, false);
        }
        return s;
    }
}
