package dev.wippy.lua.compiler;

/**
 * A variable of an enclosing function used by a function. {@code fromParentLocal} is the enclosing function's
 * local when the variable belongs to the direct parent, else null and {@code fromParentUpvalue} is the parent's
 * upvalue it comes through.
 */
final class Upvalue {
    final String name;
    final LocalVar variable;
    final int index;
    final LocalVar fromParentLocal;
    final Upvalue fromParentUpvalue;

    Upvalue(String name, LocalVar variable, int index, LocalVar fromParentLocal, Upvalue fromParentUpvalue) {
        this.name = name;
        this.variable = variable;
        this.index = index;
        this.fromParentLocal = fromParentLocal;
        this.fromParentUpvalue = fromParentUpvalue;
    }

    /** Whether the closure holds a Cell (shared mutable variable) rather than the value itself. */
    boolean isCell() {
        return variable.needsCell();
    }
}
