package dev.wippy.runtime.env;

import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;

import java.util.List;

/**
 * Environment variables as an extension: storages and variables are made first, so that the data of every other
 * entry can be decoded with {@code ${env:...}} placeholders resolved; the {@code env} module reads and writes them.
 */
public final class EnvExtension implements Extension {
    @Override
    public List<Kind> kinds() {
        return EnvKinds.ALL.stream().sorted().map(k -> new Kind(k, false)).toList();
    }

    @Override
    public int order() {
        return ENVIRONMENT;
    }

    @Override
    public Subsystem boot(Boot boot) {
        Env env = Env.boot(boot.registry(), boot.root());
        boot.decodeWith(new Placeholders(env)::decode);
        boot.module("env", EnvModule.provider(env));
        return env;
    }
}
