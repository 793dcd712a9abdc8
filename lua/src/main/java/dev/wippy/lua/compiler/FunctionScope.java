package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.FuncBody;

import java.util.ArrayList;
import java.util.List;

/** Analysis results for one function prototype: its locals, upvalues and nested functions. */
final class FunctionScope {
    final FunctionScope parent;
    /** Null for the main chunk. */
    final FuncBody body;
    final int id;
    final List<LocalVar> locals = new ArrayList<>();
    final List<Upvalue> upvalues = new ArrayList<>();
    final List<FunctionScope> children = new ArrayList<>();
    /**
     * How many values a frame of locals of this function holds (in a chunk that uses the debug library): one per
     * declared local, and the hidden state of each {@code for} loop.
     */
    int frameSize;
    /** The local this function is the value of, when declared by {@code local function}. */
    LocalVar definedAs;

    FunctionScope(FunctionScope parent, FuncBody body, int id) {
        this.parent = parent;
        this.body = body;
        this.id = id;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isMain() {
        return body == null;
    }

    boolean isVararg() {
        return body == null || body.isVararg();
    }

    Upvalue findUpvalue(LocalVar v) {
        for (Upvalue u : upvalues) {
            if (u.variable == v) {
                return u;
            }
        }
        return null;
    }

    /** The upvalue through which this function reaches {@code v} (a local of an enclosing function). */
    Upvalue upvalueFor(LocalVar v) {
        Upvalue u = findUpvalue(v);
        if (u != null) {
            return u;
        }
        if (v.owner == parent) {
            u = new Upvalue(v.name, v, upvalues.size(), v, null);
        } else {
            u = new Upvalue(v.name, v, upvalues.size(), null, parent.upvalueFor(v));
        }
        upvalues.add(u);
        return u;
    }
}
