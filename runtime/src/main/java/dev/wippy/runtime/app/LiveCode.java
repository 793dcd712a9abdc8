package dev.wippy.runtime.app;

import dev.wippy.runtime.ext.AppCode;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.lua.LuaEntry;
import dev.wippy.runtime.lua.LuaEntryCode;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.Sandbox;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.ChangeRejected;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;
import dev.wippy.runtime.registry.RegistryHistory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The compiled Lua entries of the running app, kept in step with the registry: a new version's created or
 * changed Lua entries are compiled before it is committed (a change that does not compile is rejected and nothing
 * changes), functions become callable under their new code, deleted entries are forgotten. Processes already
 * running keep the code they started with.
 */
final class LiveCode implements RegistryHistory.CommitHandler, AppCode {
    private final Map<String, LuaEntry> lua = new ConcurrentHashMap<>();
    private final Functions functions;
    private final Decoding decoding;
    private final Path root;
    private final Path src;
    private final Map<String, ModuleProvider> modules;
    private final Consumer<String> warn;
    private volatile Registry decoded;
    private Sandbox sandbox;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();

    /** {@code modules}: the modules entries may list (extensions add to it while they boot). */
    LiveCode(Functions functions, Decoding decoding, Path root, Path src, Map<String, ModuleProvider> modules,
             Consumer<String> warn) {
        this.functions = functions;
        this.decoding = decoding;
        this.root = root;
        this.src = src;
        this.modules = modules;
        this.warn = warn;
    }

    /**
     * Compiles every Lua entry of the boot version.
     *
     * @throws BootException naming the entry whose code does not compile
     */
    void load(Registry decoded) {
        lua.putAll(LuaEntries.compile(decoded, root, src, modules.keySet(), warn));
        this.decoded = decoded;
    }

    @Override
    public Registry decoded() {
        return decoded;
    }

    @Override
    public LuaEntry lua(String id) {
        return lua.get(id);
    }

    @Override
    public Map<String, ModuleProvider> modules() {
        return Map.copyOf(modules);
    }

    @Override
    public Sandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the app's code is not started yet");
        }
        return sandbox;
    }

    /** Makes the boot version's functions callable; from now on new versions are applied as they come. */
    void start(Sandbox sandbox) {
        this.sandbox = sandbox;
        for (Entry e : decoded.ofKind(Kinds.FUNCTION_LUA)) {
            functions.register(Functions.function(e, new LuaEntryCode(lua.get(e.id()), sandbox)));
        }
    }

    @Override
    public synchronized void commit(Registry previous, Registry next) {
        Registry decodedNext;
        Map<String, LuaEntry> compiled = new HashMap<>();
        Map<String, Functions.Function> callable = new HashMap<>();
        List<Runnable> extensionParts = new ArrayList<>();
        try {
            decodedNext = decoding.apply(next);
            for (Entry e : decodedNext.all()) {
                if (Kinds.LUA.contains(e.kind()) && previous.get(e.id()) != next.get(e.id())) {
                    LuaEntry code = LuaEntries.compile(decodedNext, root, src, e, modules.keySet(), warn);
                    compiled.put(e.id(), code);
                    if (e.kind().equals(Kinds.FUNCTION_LUA)) {
                        callable.put(e.id(), Functions.function(e, new LuaEntryCode(code, sandbox)));
                    }
                }
            }
            for (CommitListener l : commitListeners) {
                extensionParts.add(l.prepare(decoded, decodedNext));
            }
        } catch (BootException e) {
            throw new ChangeRejected(ChangeRejected.Reason.INVALID, e.getMessage());
        }
        lua.putAll(compiled);
        for (Entry gone : previous.all()) {
            if (next.get(gone.id()) == null || !next.get(gone.id()).kind().equals(Kinds.FUNCTION_LUA)) {
                functions.unregister(gone.id());
            }
            if (next.get(gone.id()) == null) {
                lua.remove(gone.id());
            }
        }
        callable.values().forEach(functions::register);
        decoded = decodedNext;
        extensionParts.forEach(Runnable::run);
        Set<String> changed = new HashSet<>(compiled.keySet());
        previous.all().stream().filter(e -> next.get(e.id()) == null && Kinds.LUA.contains(e.kind()))
                .forEach(e -> changed.add(e.id()));
        if (!changed.isEmpty()) {
            listeners.forEach(l -> l.accept(Set.copyOf(changed)));
        }
    }

    @Override
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    @Override
    public void onCommit(CommitListener listener) {
        commitListeners.add(listener);
    }
}
