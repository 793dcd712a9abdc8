package dev.wippy.runtime.env;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.registry.BootException;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a running app: its storages and variables, and the lookups that the {@code env} module and
 * placeholders share (spec 03 §3.12). Keys that no variable declares are never read from a storage. Extensions
 * booted after it find it as a subsystem.
 */
public final class Env implements Subsystem {
    private final List<Storage> storages;
    private final Map<String, Variable> byName = new HashMap<>();
    private final Map<String, Variable> byId = new HashMap<>();

    private Env(List<Storage> storages) {
        this.storages = storages;
    }

    /**
     * Creates every storage, then every variable, of {@code registry}; file paths are relative to {@code root}.
     *
     * @throws BootException for a bad env entry: a missing or wrong storage, a bad or duplicate public name, ...
     */
    public static Env boot(Registry registry, Path root) {
        Map<String, Storage> storages = Storages.create(registry, root);
        Env env = new Env(List.copyOf(storages.values()));
        for (Entry e : registry.ofKind(EnvKinds.VARIABLE)) {
            Variable v = Variable.of(e, registry, storages);
            if (v.name() != null) {
                Variable first = env.byName.putIfAbsent(v.name(), v);
                if (first != null) {
                    throw BootException.at(e, "variable name '" + v.name() + "' is already used by "
                            + first.entry().describe());
                }
            }
            env.byId.put(v.id(), v);
        }
        return env;
    }

    /**
     * The variable {@code key} names: a public name, an entry ID, or a bare name in {@code namespace} (the
     * namespace of the code or entry asking; may be null). Null when none is declared.
     */
    Variable find(String key, String namespace) {
        Variable v = byName.get(key);
        if (v == null) {
            v = byId.get(key);
        }
        if (v == null && namespace != null && key.indexOf(':') < 0) {
            v = byId.get(namespace + ":" + key);
        }
        return v;
    }

    /**
     * The value of variable {@code key}, else its default.
     *
     * @throws EnvFailure {@code Invalid} for an empty key, {@code NotFound} when it is not declared or has no value
     */
    public String get(String key, String namespace) {
        String v = declared(key, namespace).value();
        if (v == null) {
            throw new EnvFailure(ErrorObject.NOT_FOUND, "environment variable " + key + " is not set");
        }
        return v;
    }

    /**
     * Stores {@code value} in the storage of variable {@code key}.
     *
     * @throws EnvFailure {@code Invalid}, {@code NotFound} as for {@link #get}; {@code PermissionDenied} when the
     *                    variable or its storage is read-only; {@code Internal} when the storage cannot be written
     */
    public void set(String key, String namespace, String value) {
        Variable v = declared(key, namespace);
        if (v.readOnly()) {
            throw new EnvFailure(ErrorObject.PERMISSION_DENIED, "environment variable " + key + " is read-only");
        }
        v.storage().set(v.key(), value);
    }

    /**
     * Every non-empty key and value listed by every storage, earlier storages winning (spec 03 §3.12.2: the OS
     * storage contributes the whole environment, defaults are not included).
     */
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Storage s : storages) {
            s.list().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    out.putIfAbsent(k, v);
                }
            });
        }
        return out;
    }

    private Variable declared(String key, String namespace) {
        if (key.isEmpty()) {
            throw new EnvFailure(ErrorObject.INVALID, "environment variable name must not be empty");
        }
        Variable v = find(key, namespace);
        if (v == null) {
            throw new EnvFailure(ErrorObject.NOT_FOUND, "environment variable " + key + " is not declared");
        }
        return v;
    }
}
