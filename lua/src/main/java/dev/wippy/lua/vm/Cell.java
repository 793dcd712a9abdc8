package dev.wippy.lua.vm;

/** A local variable captured by a closure: the shared box behind an upvalue. */
public final class Cell {
    public Object value;

    public Cell(Object value) {
        this.value = value;
    }
}
