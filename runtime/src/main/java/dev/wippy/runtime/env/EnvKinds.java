package dev.wippy.runtime.env;

import java.util.Set;

/** The entry kinds of this package. */
public final class EnvKinds {
    public static final String MEMORY = "env.storage.memory";
    public static final String FILE = "env.storage.file";
    public static final String OS = "env.storage.os";
    public static final String STATIC = "env.storage.static";
    public static final String ROUTER = "env.storage.router";
    public static final String VARIABLE = "env.variable";

    public static final Set<String> STORAGES = Set.of(MEMORY, FILE, OS, STATIC, ROUTER);
    public static final Set<String> ALL = Set.of(MEMORY, FILE, OS, STATIC, ROUTER, VARIABLE);

    private EnvKinds() {
    }
}
