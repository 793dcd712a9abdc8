package dev.wippy.runtime.json;

import dev.wippy.runtime.ModuleLua;

/** A sandbox Lua state with the {@code json} module. */
final class JsonLua extends ModuleLua {
    JsonLua() {
        super("json", JsonModule.PROVIDER::load);
    }
}
