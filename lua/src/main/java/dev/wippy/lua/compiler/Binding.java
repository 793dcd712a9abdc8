package dev.wippy.lua.compiler;

/** What a name refers to at one place in the code. */
sealed interface Binding {
    /** A local of the current function. */
    record Local(LocalVar variable) implements Binding {}

    /** A variable of an enclosing function, reached through an upvalue. */
    record Up(Upvalue upvalue) implements Binding {}

    /** A field of {@code _ENV}, itself a local or an upvalue. */
    record Global(String name, Binding env) implements Binding {}
}
