package dev.wippy.lua.vm;

import dev.wippy.lua.memory.MemoryAccount;
import dev.wippy.lua.memory.MemoryLimitExceeded;
import dev.wippy.lua.memory.Sizes;

/**
 * One Lua state: a global table, per-type metatables, the running coroutine, the work budget and the sources of
 * time and randomness. A state is used by one thread at a time (its coroutines hand off strictly), so nothing here
 * is synchronised. Compiled code is shared between states; everything mutable lives here.
 */
public final class LuaState {
    private static final int DEFAULT_BUDGET_INTERVAL = 10_000;
    /** Like PUC's limit on the Lua stack: deep recursion fails with "stack overflow" long before the JVM would. */
    private static final int DEFAULT_MAX_DEPTH = 200_000;

    private final LuaTable globals;
    /** Made on first use: most sandboxed states never touch it. */
    private LuaTable registry;
    LuaTable stringMetatable;
    LuaTable numberMetatable;
    LuaTable booleanMetatable;
    LuaTable nilMetatable;
    LuaTable functionMetatable;
    LuaTable threadMetatable;

    final Coroutine mainCoroutine;
    Coroutine current;

    /** Lua call depth of the running coroutine; compiled functions count it on entry and exit. */
    public int depth;
    private int maxDepth = DEFAULT_MAX_DEPTH;

    /** Work units left before the budget hook runs; compiled code decrements it. */
    public int budget = DEFAULT_BUDGET_INTERVAL;
    private int budgetInterval = DEFAULT_BUDGET_INTERVAL;
    private BudgetHook budgetHook;

    private java.io.OutputStream stdout = System.out;
    private java.io.OutputStream stderr = System.err;
    private java.io.InputStream stdin = System.in;

    private LuaClock clock = LuaClock.SYSTEM;
    private java.util.concurrent.ThreadFactory coroutineThreads = DEFAULT_COROUTINE_THREADS;
    private final long createdNanos;
    // made on first use: most states (one per process) never ask for them
    private WeakTables weakTables;
    private Xoshiro256 random;
    private GcParameters gc;
    /** Whether {@code warn} writes to stderr; off until a script sends "@on", as in the lua command. */
    private boolean warnings;
    private Object embedderData;
    /**
     * Bytes the allocation points may still charge before the memory account must look (see {@link MemoryAccount}):
     * a plain field taken from like {@link #budget}, so that charging costs a subtract and a compare.
     */
    private long memoryAllowance = MemoryAccount.SAMPLE_INTERVAL;
    /** Made on first use: a state that charges little and has no limit never needs one. */
    private MemoryAccount memory;

    public LuaState(LuaTable globals) {
        this.globals = globals;
        this.mainCoroutine = new Coroutine(this);
        this.current = mainCoroutine;
        this.createdNanos = clock.nanoTime();
    }

    public LuaTable globals() {
        return globals;
    }

    public boolean warnings() {
        return warnings;
    }

    public void setWarnings(boolean on) {
        warnings = on;
    }

    /** The collector settings {@code collectgarbage} works on. */
    public GcParameters gc() {
        if (gc == null) {
            gc = new GcParameters();
        }
        return gc;
    }

    /** A table private to the embedder (PUC's registry), e.g. for loaded modules. */
    public LuaTable registry() {
        if (registry == null) {
            registry = new LuaTable();
        }
        return registry;
    }

    public LuaTable stringMetatable() {
        return stringMetatable;
    }

    public void setStringMetatable(LuaTable mt) {
        stringMetatable = mt;
    }

    /** The metatable shared by all values of a non-table, non-userdata type (set with debug.setmetatable). */
    public void setTypeMetatable(Object sample, LuaTable mt) {
        switch (sample) {
            case LuaString ignored -> stringMetatable = mt;
            case Long ignored -> numberMetatable = mt;
            case Double ignored -> numberMetatable = mt;
            case Boolean ignored -> booleanMetatable = mt;
            case LuaFunction ignored -> functionMetatable = mt;
            case Coroutine ignored -> threadMetatable = mt;
            case null -> nilMetatable = mt;
            default -> throw new IllegalArgumentException("not a shared-metatable type: " + sample.getClass());
        }
    }

    /** The running coroutine (the main one when no coroutine is running). */
    public Coroutine currentCoroutine() {
        return current;
    }

    public Coroutine mainCoroutine() {
        return mainCoroutine;
    }

    /** What the state holds, as its allocation points count it, and its memory limit. */
    public MemoryAccount memory() {
        if (memory == null) {
            memory = new MemoryAccount(this);
        }
        return memory;
    }

    /** Sets the most the state may hold, in bytes (0: no limit, which needs no account). */
    public void setMemoryLimit(long bytes) {
        if (bytes != 0 || memory != null) {
            memory().setLimit(bytes);
        }
    }

    /**
     * Counts {@code bytes} just allocated for {@code value} (negative when a table gave storage back). Raises
     * {@link MemoryLimitExceeded} when the state holds more than its limit.
     */
    public void charge(long bytes, Object value) {
        if (MemoryAccount.ENABLED && (memoryAllowance -= bytes) <= 0) {
            memory().overdrawn(value);
        }
    }

    /** Charges {@code s}, a string just built, and returns it. */
    public LuaString chargeString(LuaString s) {
        charge(Sizes.string(s.length()), s);
        return s;
    }

    /** What is left of the allowance granted by the memory account (for the account). */
    public long memoryAllowance() {
        return memoryAllowance;
    }

    /** Grants what the allocation points may charge before the memory account looks again (for the account). */
    public void setMemoryAllowance(long bytes) {
        memoryAllowance = bytes;
    }

    /** Where a walk of what the state holds starts: what stays reachable while no Lua function runs. */
    public Object[] roots() {
        return new Object[] {globals, registry, stringMetatable, numberMetatable, booleanMetatable, nilMetatable,
                functionMetatable, threadMetatable, mainCoroutine, current};
    }

    // ---------------------------------------------------------------- budget

    public int budgetInterval() {
        return budgetInterval;
    }

    /** Installs the hook called every {@code interval} work units (null to remove it). */
    public void setBudgetHook(BudgetHook hook, int interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.budgetHook = hook;
        this.budgetInterval = interval;
        this.budget = interval;
    }

    /** Called by compiled code when {@link #budget} runs out. */
    public void budgetExhausted() {
        budget = budgetInterval;
        if (weakTables != null) {
            weakTables.collectAfterJvmCollection();
        }
        BudgetHook hook = budgetHook;
        if (hook != null) {
            hook.onBudgetExhausted(this);
        }
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** Sets the Lua call depth at which calls fail with "stack overflow" (keep it within the thread's stack). */
    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Called by compiled code on function entry when the depth limit or the work budget is reached. */
    public void enterSlow() {
        if (depth > maxDepth) {
            depth--;
            throw LuaError.library("stack overflow");
        }
        try {
            budgetExhausted();
        } catch (RuntimeException | Error e) {
            depth--;
            throw e;
        }
    }

    // ---------------------------------------------------------------- time and randomness

    private static final java.util.concurrent.ThreadFactory DEFAULT_COROUTINE_THREADS =
            Thread.ofVirtual().name("lua-coroutine").factory();

    /** Makes the virtual threads that run this state's coroutines. */
    public java.util.concurrent.ThreadFactory coroutineThreads() {
        return coroutineThreads;
    }

    /** Lets an embedder run coroutines on its own virtual-thread scheduler. */
    public void setCoroutineThreads(java.util.concurrent.ThreadFactory factory) {
        this.coroutineThreads = factory;
    }

    public LuaClock clock() {
        return clock;
    }

    public void setClock(LuaClock clock) {
        this.clock = clock;
    }

    /** Seconds since the state was created, for {@code os.clock}. */
    public double elapsedSeconds() {
        return (clock.nanoTime() - createdNanos) / 1e9;
    }

    /** The weak tables of this state (see {@link WeakTables}). */
    public WeakTables weakTables() {
        if (weakTables == null) {
            weakTables = new WeakTables();
        }
        return weakTables;
    }

    public Xoshiro256 random() {
        if (random == null) {
            random = new Xoshiro256();
            random.seed(System.nanoTime(), System.identityHashCode(this));
        }
        return random;
    }

    // ---------------------------------------------------------------- standard streams

    /** Where the standalone profile's {@code print} and {@code io} write (the sandbox never uses these). */
    public java.io.OutputStream stdout() {
        return stdout;
    }

    public java.io.OutputStream stderr() {
        return stderr;
    }

    public java.io.InputStream stdin() {
        return stdin;
    }

    public void setStandardStreams(java.io.InputStream in, java.io.OutputStream out, java.io.OutputStream err) {
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
    }

    // ---------------------------------------------------------------- embedder data

    public Object embedderData() {
        return embedderData;
    }

    public void setEmbedderData(Object data) {
        this.embedderData = data;
    }
}
