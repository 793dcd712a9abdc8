package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Stat;

/** A local variable (or a parameter, a loop variable, a hidden type-value slot) and what analysis found about it. */
final class LocalVar {
    final String name;
    final Stat.Attrib attrib;
    final FunctionScope owner;
    /** Holds the value of a {@code type} declaration, created once per chunk instance. */
    final boolean isTypeValue;

    /** Read or written by a nested function. */
    boolean captured;
    /** Assigned after its declaration (a plain {@code local x} counts as declared with nil). */
    boolean reassigned;
    /**
     * In a chunk that uses the debug library: kept in a Cell even when never reassigned or captured, so that
     * closures sharing the variable share one upvalue that {@code debug.upvalueid/upvaluejoin/setupvalue} can see,
     * and so that {@code debug.setlocal} can change it (the cell is bound to the call's frame of locals).
     */
    boolean inspectable;
    /** Declared by {@code local function}: the function may refer to itself before the local is set. */
    boolean isLocalFunction;
    /** Static type, when every value ever stored in it is known to be of one numeric subtype. */
    StaticType type = StaticType.ANY;

    /**
     * The value when PUC would make this a compile-time constant (see {@link ConstantExpressions}; nil is
     * {@link ConstantExpressions#NIL}), else null.
     */
    Object constant;

    /** Position in its function's frame of locals (see {@link FunctionScope#frameSize}), assigned when declared. */
    int frameIndex = -1;

    /** JVM local slot, assigned by the code generator. */
    int slot = -1;

    LocalVar(String name, Stat.Attrib attrib, FunctionScope owner, boolean isTypeValue) {
        this.name = name;
        this.attrib = attrib;
        this.owner = owner;
        this.isTypeValue = isTypeValue;
    }

    boolean isReadOnly() {
        return attrib != Stat.Attrib.NONE;
    }

    /**
     * Captured and mutable, or inspectable: lives in a {@link dev.wippy.lua.vm.Cell} shared with closures. A
     * to-be-closed variable never does: it is constant, and the code closing it reads its register.
     */
    boolean needsCell() {
        return attrib != Stat.Attrib.CLOSE && (inspectable || captured && reassigned);
    }

    @Override
    public String toString() {
        return name;
    }
}
