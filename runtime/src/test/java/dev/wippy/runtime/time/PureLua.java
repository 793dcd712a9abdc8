package dev.wippy.runtime.time;

import dev.wippy.runtime.ModuleLua;

/** A plain Lua state with the {@code time} table, for the module's pure parts. */
final class PureLua extends ModuleLua {
    PureLua() {
        super("time", s -> TimeModule.TABLE);
    }
}
