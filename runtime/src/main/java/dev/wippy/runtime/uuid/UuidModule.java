package dev.wippy.runtime.uuid;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.lua.SideEffects;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The {@code uuid} module (spec 03 §3.9). Functions never raise: bad input and generator failures come back as
 * {@code nil, err}, and {@code validate} answers {@code false} for anything that is not a UUID string.
 */
public final class UuidModule {
    private static final LuaTable TABLE = new LuaTable();

    /** Provides the shared, read-only {@code uuid} table. */
    public static final ModuleProvider PROVIDER = s -> TABLE;

    static {
        generator("v1", TimeUuids::v1);
        generator("v4", UUID::randomUUID);
        generator("v7", TimeUuids::v7);
        nameBased("v3", NameUuids::v3);
        nameBased("v5", NameUuids::v5);
        fn("validate", (s, a) -> Args.arg(a, 0) instanceof LuaString text && UuidText.parse(text) != null);
        reader("version", (id, a) -> UuidFields.version(id));
        reader("variant", (id, a) -> LuaString.of(UuidFields.variant(id)));
        reader("parse", (id, a) -> UuidFields.table(id));
        reader("format", (id, a) -> {
            String style = Args.arg(a, 1) instanceof LuaString given ? given.toString() : "standard";
            String text = UuidText.format(id, style);
            return text == null ? failure(ErrorObject.INVALID, "unsupported format") : LuaString.of(text);
        });
        TABLE.freeze();
    }

    private UuidModule() {
    }

    @FunctionalInterface
    private interface NameHash {
        UUID of(UUID namespace, byte[] name) throws GeneralSecurityException;
    }

    @FunctionalInterface
    private interface Reader {
        Object read(UUID id, Object[] args);
    }

    private static void fn(String name, JavaFunction.Body body) {
        TABLE.putStr(LuaString.of(name), new JavaFunction(name, body));
    }

    /** Generated UUIDs are side effects: a workflow records them (spec 05 §4.2). */
    private static void generator(String name, Supplier<UUID> make) {
        fn(name, (s, a) -> {
            try {
                return LuaString.wrap(SideEffects.of(s).record("uuid." + name,
                        () -> UuidText.standard(make.get()).getBytes(StandardCharsets.ISO_8859_1)));
            } catch (ProviderException e) {
                // The entropy source failed: SecureRandom reports that unchecked.
                return failure(ErrorObject.INTERNAL, "cannot generate UUID: " + e.getMessage());
            }
        });
    }

    private static void nameBased(String name, NameHash hash) {
        fn(name, (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString ns)) {
                return failure(ErrorObject.INVALID, "namespace must be a UUID string");
            }
            if (!(Args.arg(a, 1) instanceof LuaString label)) {
                return failure(ErrorObject.INVALID, "name must be a string");
            }
            UUID namespace = UuidText.parse(ns);
            if (namespace == null) {
                return failure(ErrorObject.INVALID, "invalid namespace UUID format");
            }
            try {
                return LuaString.of(UuidText.standard(hash.of(namespace, label.rawBytes())));
            } catch (GeneralSecurityException e) {
                return failure(ErrorObject.INTERNAL, "cannot generate UUID: " + e.getMessage());
            }
        });
    }

    /** A function whose first argument is a UUID in any accepted form. */
    private static void reader(String name, Reader read) {
        fn(name, (s, a) -> {
            if (!(Args.arg(a, 0) instanceof LuaString text)) {
                return failure(ErrorObject.INVALID, "input must be a string");
            }
            UUID id = UuidText.parse(text);
            return id == null ? failure(ErrorObject.INVALID, "invalid UUID format") : read.read(id, a);
        });
    }

    /** {@code nil, err}; none of the module's errors goes away by retrying. */
    private static Object failure(String kind, String message) {
        return Multi.of(null, ErrorObject.of(kind, message, Boolean.FALSE, null));
    }
}
