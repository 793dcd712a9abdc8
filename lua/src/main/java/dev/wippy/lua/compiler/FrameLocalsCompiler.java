package dev.wippy.lua.compiler;

import dev.wippy.lua.vm.LocalScopes;

import java.lang.classfile.CodeBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static dev.wippy.lua.compiler.Types.CLOSURE;
import static dev.wippy.lua.compiler.Types.DEBUG_FRAME;
import static dev.wippy.lua.compiler.Types.I;
import static dev.wippy.lua.compiler.Types.OBJECT;
import static dev.wippy.lua.compiler.Types.OBJECTS;
import static dev.wippy.lua.compiler.Types.OPS;
import static dev.wippy.lua.compiler.Types.STATE;
import static dev.wippy.lua.compiler.Types.V;
import static dev.wippy.lua.compiler.Types.mt;

/**
 * In a chunk that uses the debug library, keeps a function's locals visible to {@code debug.getlocal/setlocal}:
 * emits the code that opens and closes the call's {@link dev.wippy.lua.vm.DebugFrame}, binds each local's cell to
 * it and numbers the statement being run, and records from which statement to which each local is active. In
 * other chunks it emits nothing.
 */
final class FrameLocalsCompiler {
    private static final String FOR_STATE = "(for state)";

    private final boolean enabled;
    private final CodeBuilder cb;
    private int frameSlot = -1;
    /** Number of the statement being compiled; 0 is the function's entry, where only parameters are active. */
    private int point;
    private final List<Entry> entries = new ArrayList<>();
    /** The entries of each enclosing scope, which end where it ends. */
    private final Deque<List<Entry>> scopes = new ArrayDeque<>();

    private static final class Entry {
        final String name;
        final int index;
        final int start;
        int end = Integer.MAX_VALUE;

        Entry(String name, int index, int start) {
            this.name = name;
            this.index = index;
            this.start = start;
        }
    }

    FrameLocalsCompiler(boolean enabled, CodeBuilder cb) {
        this.enabled = enabled;
        this.cb = cb;
    }

    /** Opens the call's frame (before the function's error handler starts), keeping it in {@code slot}. */
    void open(int slot, int varargSlot) {
        if (!enabled) {
            return;
        }
        frameSlot = slot;
        cb.aload(BodyCompiler.STATE_SLOT);
        cb.aload(0);
        if (varargSlot >= 0) {
            cb.aload(varargSlot);
        } else {
            cb.aconst_null();
        }
        cb.invokestatic(OPS, "pushFrame", mt(DEBUG_FRAME, STATE, CLOSURE, OBJECTS));
        cb.astore(frameSlot);
    }

    /** Closes the call's frame, on a return or an error. */
    void close() {
        if (!enabled) {
            return;
        }
        cb.aload(BodyCompiler.STATE_SLOT);
        cb.aload(frameSlot);
        cb.invokestatic(OPS, "popFrame", mt(V, STATE, DEBUG_FRAME));
    }

    /** A new statement starts: numbers it, at run time too. */
    void statement() {
        if (enabled) {
            at(++point);
        }
    }

    /**
     * A loop goes back to its test after its body's scope has ended: a point of its own, where the body's locals
     * and the loop's variables are no longer active but its hidden state still is.
     */
    void loopTest() {
        statement();
    }

    private void at(int p) {
        cb.aload(frameSlot);
        cb.loadConstant(p);
        cb.invokevirtual(DEBUG_FRAME, "at", mt(V, I));
    }

    /** Binds what JVM slot {@code slot} holds (a cell, or a value) as the frame's value {@code index}. */
    void bind(int index, int slot) {
        if (!enabled) {
            return;
        }
        cb.aload(frameSlot);
        cb.loadConstant(index);
        cb.aload(slot);
        cb.invokevirtual(DEBUG_FRAME, "bind", mt(V, I, OBJECT));
    }

    /** A parameter: active in the whole function. */
    void parameter(LocalVar v) {
        if (enabled) {
            entries.add(new Entry(v.name, v.frameIndex, 0));
        }
    }

    /**
     * A local declared by the current statement, active from the next one to the end of the scope. Compile-time
     * constants are left out: PUC keeps no register for them.
     */
    void declared(LocalVar v) {
        if (enabled && v.constant == null) {
            declared(v.name, v.frameIndex);
        }
    }

    /** A loop's hidden state: {@code values} entries from frame index {@code first}. */
    void forState(int first, int values) {
        for (int i = 0; i < values; i++) {
            declared(FOR_STATE, first + i);
        }
    }

    private void declared(String name, int index) {
        if (enabled) {
            Entry e = new Entry(name, index, point + 1);
            entries.add(e);
            scopes.peek().add(e);
        }
    }

    void openScope() {
        scopes.push(new ArrayList<>());
    }

    /** Ends the innermost scope: its locals are not active from the next statement on. */
    void closeScope() {
        for (Entry e : scopes.pop()) {
            e.end = point + 1;
        }
    }

    /** Where the function's locals are active, or null if it does not keep them; {@code frameSize} values. */
    LocalScopes scopes(int frameSize) {
        if (!enabled) {
            return null;
        }
        int n = entries.size();
        String[] names = new String[n];
        int[] indices = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            names[i] = e.name;
            indices[i] = e.index;
            starts[i] = e.start;
            ends[i] = e.end;
        }
        return new LocalScopes(names, indices, starts, ends, frameSize);
    }
}
