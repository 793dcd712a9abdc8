package dev.wippy.lua.compiler;

/** What the compiler knows statically about the values of an expression or local. */
enum StaticType {
    /** Always an integer: held in a JVM {@code long}. */
    INT,
    /** Always a float: held in a JVM {@code double}. */
    FLOAT,
    /** Anything. */
    ANY;

    StaticType join(StaticType other) {
        return this == other ? this : ANY;
    }
}
