package dev.wippy.runtime.lua;

import dev.wippy.lua.Lua;
import dev.wippy.lua.memory.MemoryLimitExceeded;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaInterrupt;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.channel.ChannelModule;
import dev.wippy.runtime.errors.ErrorsModule;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.ProcessModule;
import dev.wippy.runtime.process.TopicGlobals;
import dev.wippy.runtime.sched.Carriers;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.values.PayloadModule;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates the Lua states of executions: the engine's sandbox libraries plus the runtime globals of spec 03 §3.14
 * ({@code process}, {@code channel}, {@code errors}, {@code payload}, a logging {@code print}, {@code subscribe},
 * {@code unsubscribe}, {@code coroutine.spawn}) and a {@code require} bound to the entry's {@code modules} and
 * {@code imports}. The runtime tables are shared by all states and read-only.
 */
public final class Sandbox {
    private static final LuaString REQUIRE = LuaString.of("require");
    private static final int BUDGET_INTERVAL = 20_000;
    /** Globals that {@code require} returns without a listing (spec 03 §3.2.7). */
    private static final java.util.Set<String> ALWAYS_PRESENT = java.util.Set.of("process", "channel", "errors",
            "payload", "string", "table", "math", "os", "coroutine", "utf8");

    private final Map<String, BuiltinModule> modules;
    /** Why a listed module that is not among {@link #modules} cannot be required, e.g. "in this runtime". */
    private final String unavailable;
    private final Function<String, LuaEntry> libraries;
    private final LuaFunction print;
    private final LuaTable coroutine;
    /** The globals every state starts from; states copy it copy-on-write. */
    private final LuaTable template;
    /**
     * Per entry: the globals with the entry's {@code require} and a key for each listed module, so that making a
     * state only changes values of keys its copy already has, and the copy stays as small as the template.
     */
    private final Map<LuaEntry, LuaTable> entryTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param modules   built-in modules by name
     * @param libraries resolves an import target (a library entry ID) to its compiled entry, or null
     * @param print     the logging {@code print}
     */
    public Sandbox(Map<String, ModuleProvider> modules, Function<String, LuaEntry> libraries, LuaFunction print) {
        this(modules, "in this runtime", libraries, print);
    }

    private Sandbox(Map<String, ModuleProvider> modules, String unavailable, Function<String, LuaEntry> libraries,
                    LuaFunction print) {
        this.modules = modules.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, m -> BuiltinModule.of(m.getKey(), m.getValue())));
        this.unavailable = unavailable;
        this.libraries = libraries;
        this.print = print;
        this.coroutine = coroutineWithSpawn();
        this.template = Lua.sandboxTemplate();
        template.putStr(LuaString.of("process"), ProcessModule.TABLE);
        template.putStr(LuaString.of("channel"), ChannelModule.TABLE);
        template.putStr(LuaString.of("errors"), ErrorsModule.TABLE);
        template.putStr(LuaString.of("payload"), PayloadModule.TABLE);
        template.putStr(LuaString.of("coroutine"), coroutine);
        template.putStr(LuaString.of("print"), print);
        template.putStr(LuaString.of("subscribe"), TopicGlobals.SUBSCRIBE);
        template.putStr(LuaString.of("unsubscribe"), TopicGlobals.UNSUBSCRIBE);

    }

    private static LuaTable coroutineWithSpawn() {
        LuaState sample = Lua.newState(Lua.Profile.SANDBOX);
        LuaTable base = (LuaTable) sample.globals().getStr(LuaString.of("coroutine"));
        LuaTable t = new LuaTable();
        for (int slot = base.nextSlot(0); slot >= 0; slot = base.nextSlot(slot + 1)) {
            t.put(base.slotKey(slot), base.slotValue(slot));
        }
        t.putStr(LuaString.of("spawn"), new JavaFunction("coroutine.spawn", Sandbox::spawn));
        return t.freeze();
    }

    /**
     * A sandbox with the same libraries and {@code print} whose entries may require only {@code modules}; requiring
     * another listed module raises "module 'x' is not available {@code where}" (workflows, spec 05 §4.6).
     */
    public Sandbox restrictedTo(Map<String, ModuleProvider> modules, String where) {
        return new Sandbox(modules, where, libraries, print);
    }

    /** A fresh state for {@code execution} running {@code entry}. */
    public LuaState newState(Execution execution, LuaEntry entry) {
        LuaState s = Lua.newSandboxState(entryTemplates.computeIfAbsent(entry, this::templateFor));
        s.setEmbedderData(execution);
        s.setCoroutineThreads(Carriers.threads());
        Scheduler scheduler = execution.scheduler();
        s.setBudgetHook(st -> scheduler.checkpoint(), BUDGET_INTERVAL);
        bindListedModules(s, entry);
        return s;
    }

    private LuaTable templateFor(LuaEntry entry) {
        LuaTable t = LuaTable.copyOnWrite(template);
        t.putStr(REQUIRE, requireFor(entry));
        for (String name : entry.modules()) {
            BuiltinModule module = modules.get(name);
            if (module != null) {
                t.putStr(module.global(), Boolean.FALSE);
            }
        }
        return t;
    }

    /**
     * Modules listed in {@code modules} are also globals of the same name (spec 03 §3.2.7). A module that refuses
     * to load in this state (the {@code workflow} module outside a workflow) is left out: {@code require} says why.
     */
    private void bindListedModules(LuaState s, LuaEntry entry) {
        for (String name : entry.modules()) {
            BuiltinModule module = modules.get(name);
            if (module != null) {
                try {
                    s.globals().putStr(module.global(), loadModule(s, module));
                } catch (LuaError refused) {
                    s.globals().putStr(module.global(), null); // raised again by require
                }
            }
        }
    }

    /** Loaded modules and imported libraries are kept in the state's registry, as "module:NAME" and "entry:ID". */
    private static Object loadModule(LuaState s, BuiltinModule module) {
        LuaTable loaded = s.registry();
        Object value = loaded.getStr(module.loaded());
        if (value == null) {
            value = module.provider().load(s);
            loaded.putStr(module.loaded(), value);
        }
        return value;
    }

    /**
     * A built-in module with its keys: the global it is bound to and where its loaded value is kept. Made once per
     * sandbox, since a new LuaString hashes its bytes on first use and every state binds its listed modules.
     */
    private record BuiltinModule(ModuleProvider provider, LuaString global, LuaString loaded) {
        static BuiltinModule of(String name, ModuleProvider provider) {
            return new BuiltinModule(provider, LuaString.of(name), LuaString.of("module:" + name));
        }
    }

    /** {@code coroutine.spawn(fn, ...)}: a new fiber; an uncaught error in it ends the whole execution. */
    private static Object spawn(LuaState s, Object[] a) {
        LuaFunction fn = Args.checkFunction(s, a, 0);
        Object[] args = java.util.Arrays.copyOfRange(a, 1, a.length);
        Execution e = Execution.of(s);
        Scheduler.of(s).spawn(() -> {
            try {
                Interop.call(s, fn, args);
            } catch (LuaError err) {
                e.terminate(ProcessExecution.errorOf(err.value()));
            } catch (MemoryLimitExceeded over) {
                e.terminate(ProcessExecution.failed(e, over, "coroutine canceled").error());
            } catch (LuaInterrupt stop) {
                throw stop;
            } catch (Throwable t) {
                e.terminate(ProcessExecution.failed(e, t, "coroutine canceled").error());
            }
        });
        return Multi.EMPTY;
    }

    // ---------------------------------------------------------------- require

    private LuaFunction requireFor(LuaEntry entry) {
        return new JavaFunction("require", (s, a) -> require(s, entry, Args.checkString(s, a, 0).toString()));
    }

    private Object require(LuaState s, LuaEntry entry, String name) {
        String importTarget = entry.imports().get(name);
        if (importTarget != null) {
            LuaTable loaded = s.registry();
            LuaString key = LuaString.of("entry:" + importTarget);
            Object cached = loaded.getStr(key);
            if (cached == null) {
                LuaEntry library = libraries.apply(importTarget);
                if (library == null) {
                    throw LuaError.library("imported entry '" + importTarget + "' is not a library");
                }
                cached = library.export(s, libraryEnv(s, library));
                loaded.putStr(key, cached == null ? Boolean.TRUE : cached);
            }
            return cached;
        }
        if (entry.modules().contains(name)) {
            BuiltinModule module = modules.get(name);
            if (module == null) {
                throw LuaError.library("module '" + name + "' is not available " + unavailable);
            }
            return loadModule(s, module);
        }
        if (ALWAYS_PRESENT.contains(name)) {
            return s.globals().getStr(LuaString.of(name));
        }
        throw LuaError.library("module '" + name + "' is not declared in modules or imports");
    }

    /**
     * A library runs in the importer's state but requires with its own allowlist: its environment resolves
     * {@code require} to the library's and everything else to the shared globals.
     */
    private LuaTable libraryEnv(LuaState s, LuaEntry library) {
        LuaTable env = new LuaTable();
        env.putStr(LuaString.of("require"), requireFor(library));
        LuaTable meta = new LuaTable();
        meta.putStr(MetaNames.INDEX, s.globals());
        meta.putStr(MetaNames.NEWINDEX, s.globals());
        env.setMetatable(meta);
        return env;
    }
}
