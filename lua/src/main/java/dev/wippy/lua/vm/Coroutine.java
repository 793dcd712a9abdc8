package dev.wippy.lua.vm;

import dev.wippy.lua.memory.Sizes;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * A Lua thread (coroutine). Each coroutine body runs on its own virtual thread; resume and yield hand control over
 * explicitly, so exactly one coroutine of a state runs at a time and the order of execution is deterministic. A
 * coroutine that blocks (on a channel, a sleep) parks only its own virtual thread.
 */
public final class Coroutine {
    /** PUC's {@code LUAI_MAXCCALLS}. */
    private static final int MAX_NESTING = 200;

    public enum Status {
        SUSPENDED("suspended"), RUNNING("running"), NORMAL("normal"), DEAD("dead");

        public final String luaName;

        Status(String luaName) {
            this.luaName = luaName;
        }
    }

    /** Unwinds a suspended coroutine that is being closed; never seen by Lua code. */
    static final class Closing extends LuaInterrupt {
        Closing() {
            super("coroutine closed");
        }
    }

    private final LuaState state;
    private final LuaFunction body;
    private Status status;
    private Thread thread;
    private Thread resumerThread;
    private Coroutine resumer;

    /** Values passed by resume (to the coroutine) or by yield/return (back to the resumer). */
    private Object[] transfer;
    private Throwable failure;
    /** The error value a coroutine died with, reported once more by {@link #close}. */
    private Object deathError;
    private boolean closing;
    private volatile boolean coroutineTurn;

    /**
     * Calls into Lua made by library functions that PUC makes without a continuation (a sort comparator, a gsub
     * replacement function): code they run cannot yield, as in PUC.
     */
    private int unyieldable;

    /**
     * How many coroutines resume one another down to this one. PUC counts a resume as a C call and fails at
     * {@value #MAX_NESTING}; each level here holds a parked thread, so unbounded nesting would exhaust memory.
     */
    private int nesting;

    /** The debug hook of this coroutine, inherited from the one that created it (see {@link Hooks}). */
    Hooks.Hook hook;
    int hookCountdown;
    boolean inHook;
    /** The innermost {@link DebugFrame} of code running in this coroutine (null when none keeps its locals). */
    DebugFrame debugTop;
    /**
     * A request, from the running coroutine, for the levels of this suspended one: only its own thread can walk its
     * stack, so the request wakes it in {@link #yield} (nothing is captured when no one asks).
     */
    private volatile CompletableFuture<List<CallStack.Level>> inspection;

    /** Depth of direct tail calls on this coroutine's stack (see {@link TailCall}). */
    public int tailDepth;
    /** The state's call depth while this coroutine is not running. */
    private int savedDepth;

    /** The main coroutine of a state: whichever thread calls into the state. */
    Coroutine(LuaState state) {
        this.state = state;
        this.body = null;
        this.status = Status.RUNNING;
    }

    public Coroutine(LuaState state, LuaFunction body) {
        this.state = state;
        this.body = body;
        this.status = Status.SUSPENDED;
        Hooks.set(this, state.currentCoroutine().hook);
        state.charge(Sizes.COROUTINE, this);
    }

    /** The function the coroutine runs (null for a state's main coroutine). */
    public LuaFunction body() {
        return body;
    }

    public Status status() {
        return status;
    }

    public boolean isMain() {
        return body == null;
    }

    /** Whether code running in this coroutine may yield ({@code coroutine.isyieldable}). */
    public boolean isYieldable() {
        return !isMain() && unyieldable == 0;
    }

    /** Runs {@code call}, a library function's calls into Lua that PUC does not let yield. */
    public static <T> T withoutYields(LuaState s, java.util.function.Supplier<T> call) {
        Coroutine co = s.currentCoroutine();
        co.unyieldable++;
        try {
            return call.get();
        } finally {
            co.unyieldable--;
        }
    }

    /** The outcome of a resume: values yielded or returned, or the error that ended the coroutine. */
    public record Outcome(boolean ok, Object[] values, Object error) {}

    /** Resumes this coroutine from the current one and waits until it yields, returns or fails. */
    public Outcome resume(Object[] args) {
        if (status == Status.DEAD) {
            return new Outcome(false, null, LuaString.of("cannot resume dead coroutine"));
        }
        if (status != Status.SUSPENDED) {
            return new Outcome(false, null, LuaString.of("cannot resume non-suspended coroutine"));
        }
        Coroutine previous = state.current;
        if (previous.nesting + 1 >= MAX_NESTING) {
            return new Outcome(false, null, LuaString.of("C stack overflow"));
        }
        nesting = previous.nesting + 1;
        previous.status = Status.NORMAL;
        previous.savedDepth = state.depth;
        state.depth = savedDepth;
        resumer = previous;
        resumerThread = Thread.currentThread();
        status = Status.RUNNING;
        state.current = this;
        transfer = args;
        failure = null;
        coroutineTurn = true;
        if (thread == null) {
            thread = state.coroutineThreads().newThread(this::runBody);
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
        awaitTurnBack();
        savedDepth = state.depth;
        state.current = previous;
        state.depth = previous.savedDepth;
        previous.status = Status.RUNNING;
        Throwable f = failure;
        failure = null;
        if (f == null) {
            return new Outcome(true, transfer, null);
        }
        if (f instanceof LuaInterrupt interrupt) {
            throw interrupt;
        }
        deathError = errorValue(f);
        return new Outcome(false, null, deathError);
    }

    private static Object errorValue(Throwable f) {
        if (f instanceof LuaError e) {
            return e.value();
        }
        if (f instanceof StackOverflowError) {
            return LuaString.of("stack overflow");
        }
        if (f instanceof OutOfMemoryError) {
            return LuaString.of("not enough memory");
        }
        return LuaString.of(String.valueOf(f));
    }

    /** Suspends the running coroutine (this one), handing {@code values} to its resumer; returns the next resume's arguments. */
    public Object[] yield(Object[] values) {
        transfer = values;
        status = Status.SUSPENDED;
        handBack();
        while (!coroutineTurn) {
            LockSupport.park(this);
            answerInspection();
        }
        if (closing) {
            throw new Closing();
        }
        return transfer;
    }

    /**
     * Closes a suspended or dead coroutine, running its pending {@code <close>} handlers. Returns null when all went
     * well, or the error value raised while closing (or that killed the coroutine).
     */
    public Object close() {
        if (status == Status.SUSPENDED && thread != null) {
            closing = true;
            Coroutine previous = state.current;
            resumerThread = Thread.currentThread();
            status = Status.RUNNING;
            state.current = this;
            coroutineTurn = true;
            LockSupport.unpark(thread);
            awaitTurnBack();
            state.current = previous;
            status = Status.DEAD;
            Throwable f = failure;
            failure = null;
            return f instanceof LuaError e ? e.value() : null;
        }
        status = Status.DEAD;
        Object err = deathError;
        deathError = null;
        return err;
    }

    /**
     * The levels of this coroutine, suspended in a yield, when some of its functions keep their locals (see
     * {@link DebugFrame}), level 0 being the {@code yield}; else null. Called by the running coroutine, which waits
     * while this one's thread walks its stack.
     */
    public List<CallStack.Level> suspendedLevels() {
        if (status != Status.SUSPENDED || thread == null || debugTop == null) {
            return null;
        }
        CompletableFuture<List<CallStack.Level>> request = new CompletableFuture<>();
        inspection = request;
        LockSupport.unpark(thread);
        return request.join();
    }

    private void answerInspection() {
        CompletableFuture<List<CallStack.Level>> request = inspection;
        if (request == null) {
            return;
        }
        inspection = null;
        try {
            request.complete(CallStack.levels(this));
        } catch (RuntimeException | Error e) {
            request.completeExceptionally(e);
        }
    }

    /** The coroutine that resumed this one (null for the main coroutine). */
    public Coroutine resumer() {
        return resumer;
    }

    private void runBody() {
        try {
            Object r = body.callv(state, transfer);
            transfer = CallResult.all(state, r);
        } catch (Closing c) {
            transfer = Multi.NO_VALUES;
        } catch (Throwable t) {
            failure = t;
        }
        status = Status.DEAD;
        handBack();
    }

    private void handBack() {
        Thread waiting = resumerThread;
        coroutineTurn = false;
        LockSupport.unpark(waiting);
    }

    private void awaitTurnBack() {
        boolean interrupted = false;
        while (coroutineTurn) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "thread: " + Interop.address(this);
    }
}
