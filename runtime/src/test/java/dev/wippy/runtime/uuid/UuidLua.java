package dev.wippy.runtime.uuid;

import dev.wippy.runtime.ModuleLua;

/** A sandbox Lua state with the {@code uuid} module. */
final class UuidLua extends ModuleLua {
    UuidLua() {
        super("uuid", UuidModule.PROVIDER::load);
    }
}
