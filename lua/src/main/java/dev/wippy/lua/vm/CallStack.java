package dev.wippy.lua.vm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the Lua call stack off the JVM stack. A Lua frame is the body method of a compiled function; a Java
 * function frame is the {@code call}/{@code callv} method of any other {@link LuaFunction}. Levels count such
 * frames from the innermost (level 0), like PUC's {@code lua_getstack}.
 */
public final class CallStack {
    /**
     * One level of the Lua stack; {@code line} is -1 and {@code source} "[C]" for Java functions. {@code site}
     * describes the instruction a Lua frame is executing (the call to the next inner level, or a failing operation).
     * {@code tailCalled} says the function was entered by a proper tail call: as in PUC, the frames that made the
     * tail calls are not levels of the stack; {@code tailCalledAs} is how the last tail call named the function
     * (null when unknown).
     */
    public record Frame(boolean isLua, String source, int line, FunctionInfo info, FunctionInfo.Site site,
                        boolean tailCalled, FunctionInfo.Desc tailCalledAs) {
        Frame asTailCalled(FunctionInfo.Desc as) {
            return new Frame(isLua, source, line, info, site, true, as);
        }
    }

    /** A level of the stack with the locals its function keeps (null unless it keeps them, see {@link DebugFrame}). */
    public record Level(Frame frame, DebugFrame locals) {}

    /** The name of the function at level 0 as its caller saw it. */
    public record CallerName(String name, boolean isMethod) {}

    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    private static final ThreadLocal<int[]> CAPTURING = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<LuaError> HANDLING = new ThreadLocal<>();

    private CallStack() {}

    /** {@code chunk:line: } for the function at {@code level}, or "" if it is not a Lua function. */
    public static String where(int level) {
        List<Frame> frames = walk(level + 1);
        if (frames.size() <= level) {
            return "";
        }
        Frame f = frames.get(level);
        return f.isLua() ? f.source() + ":" + f.line() + ": " : "";
    }

    /** All Lua-visible frames, innermost first. */
    public static List<Frame> capture() {
        return walk(Integer.MAX_VALUE);
    }

    /**
     * All Lua-visible levels of {@code running}, the coroutine running on this thread, innermost first, each with
     * its locals when its function keeps them.
     */
    public static List<Level> levels(Coroutine running) {
        return WALKER.walk(stack -> {
            Collector c = new Collector();
            c.pending = running.debugTop;
            stack.forEach(c::accept);
            List<Level> levels = new ArrayList<>();
            for (int i = 0; i < c.frames.size(); i++) {
                levels.add(new Level(c.frames.get(i), c.locals.get(i)));
            }
            return levels;
        });
    }

    /**
     * The name PUC would give the function at level 0 (the library function raising an argument error), from its
     * caller's call instruction; "?" if that instruction gives none; null when the caller is not Lua code.
     */
    static CallerName callerName() {
        List<Frame> frames = walk(2);
        if (frames.size() < 2 || !frames.get(1).isLua()) {
            return null;
        }
        FunctionInfo.Desc d = calledAs(frames, 0);
        return d == null ? new CallerName("?", false) : new CallerName(d.name(), d.kind().equals("method"));
    }

    /**
     * How the caller of level {@code level} named the function it called, if the caller is Lua code (never for a
     * function entered by a tail call, whose caller is gone).
     */
    public static FunctionInfo.Desc calledAs(List<Frame> frames, int level) {
        if (level + 1 >= frames.size() || frames.get(level).tailCalled()) {
            return null;
        }
        Frame caller = frames.get(level + 1);
        return caller.isLua() && caller.site() != null ? caller.site().called() : null;
    }

    /** The frame at {@code level} (0 = innermost function), or null. */
    public static Frame frame(int level) {
        List<Frame> frames = walk(level + 1);
        return frames.size() > level ? frames.get(level) : null;
    }

    /** Marks that errors raised on this thread until {@link #endCapturing} should capture their frames. */
    public static void beginCapturing() {
        CAPTURING.get()[0]++;
    }

    public static void endCapturing() {
        CAPTURING.get()[0]--;
    }

    /**
     * Marks the error whose message handler is running (null when it returns), so that a traceback taken by the
     * handler shows where the error happened, as PUC's handler runs before the stack unwinds.
     */
    public static void handling(LuaError e) {
        if (e == null) {
            HANDLING.remove();
        } else {
            HANDLING.set(e);
        }
    }

    /** The error whose message handler is running on this thread, or null. */
    public static LuaError handledError() {
        return HANDLING.get();
    }

    static List<Frame> captureIfWanted() {
        return CAPTURING.get()[0] > 0 ? capture() : null;
    }

    private static List<Frame> walk(int limit) {
        return WALKER.walk(stack -> {
            Collector c = new Collector();
            Iterator<StackWalker.StackFrame> it = stack.iterator();
            while (it.hasNext() && c.frames.size() < limit) {
                c.accept(it.next());
            }
            return c.frames;
        });
    }

    /** Turns JVM frames into Lua frames, merging the adapter frames a single function call leaves. */
    private static final class Collector {
        final List<Frame> frames = new ArrayList<>();
        /** For each frame, the debug frame holding its locals, or null. */
        final List<DebugFrame> locals = new ArrayList<>();
        /**
         * The debug frame of the next JVM frame of a function that keeps its locals: each such frame pushed one,
         * so they pair off innermost first. Null when not matching, or after a mismatch.
         */
        DebugFrame pending;
        private Class<?> lastJavaClass;

        private void add(Frame f, DebugFrame own) {
            frames.add(f);
            locals.add(own);
        }

        /** The debug frame of a JVM frame of {@code info}'s function, if it keeps its locals. */
        private DebugFrame claim(FunctionInfo info) {
            if (pending == null || info.locals() == null) {
                return null;
            }
            if (pending.info != info) {
                pending = null;
                return null;
            }
            DebugFrame own = pending;
            pending = own.caller;
            return own;
        }

        void accept(StackWalker.StackFrame jf) {
            Class<?> c = jf.getDeclaringClass();
            if (LuaClosure.class.isAssignableFrom(c)) {
                if (jf.getMethodName().equals(LuaClosure.BODY)) {
                    FunctionInfo info = LuaClosure.infoOf(c);
                    DebugFrame own = claim(info);
                    FunctionInfo.Site site = info.siteAt(jf.getByteCodeIndex());
                    if (site != null && site.role() == FunctionInfo.Role.UNWINDING) {
                        lastJavaClass = null;
                        return;
                    }
                    if (site != null && site.tail() && !frames.isEmpty() && frames.getLast().isLua()) {
                        // a direct tail call into Lua code: PUC reuses this frame for the callee (a Java
                        // function called in tail position runs above its caller, as in PUC 5.4)
                        frames.set(frames.size() - 1, frames.getLast().asTailCalled(site.operand(0)));
                    } else {
                        add(new Frame(true, info.source(), jf.getLineNumber(), info, site, false, null), own);
                    }
                    lastJavaClass = null;
                }
            } else if (c == Hooks.Reporting.class) {
                // a Java function wrapped for hooks: one level with the function it runs, or the level itself
                // while it runs a hook
                if (lastJavaClass == null) {
                    add(new Frame(false, "[C]", -1, null, null, false, null), null);
                    lastJavaClass = c;
                }
            } else if (LuaFunction.class.isAssignableFrom(c) && c != LuaFunction.class
                    && (jf.getMethodName().equals("call") || jf.getMethodName().equals("callv"))) {
                // adjacent frames of one class are adapters of one invocation (call -> callv)
                if (c != lastJavaClass) {
                    add(new Frame(false, "[C]", -1, null, null, false, null), null);
                    lastJavaClass = c;
                }
            } else if (c == TailCall.class && !frames.isEmpty() && frames.getLast().isLua()
                    && !frames.getLast().tailCalled()) {
                // a pending tail call run by the nearest non-tail caller: the tail-calling frames are already gone
                frames.set(frames.size() - 1, frames.getLast().asTailCalled(null));
                lastJavaClass = null;
            } else if (c != LuaFunction.class) {
                lastJavaClass = null;
            }
        }
    }
}
