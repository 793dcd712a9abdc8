package dev.wippy.runtime.values;

/** A Lua-visible payload wrapper: crossing a boundary transfers its content, not the wrapper. */
public interface PayloadValue {
    Object frozen();
}
