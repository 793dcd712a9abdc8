package dev.wippy.runtime.registry;

import java.util.regex.Pattern;

/** An entry ID {@code namespace:name} and the rules for writing and resolving one. */
public record EntryId(String namespace, String name) {
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Splits {@code id} at its first colon; null when it has none. */
    public static EntryId parse(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? null : new EntryId(id.substring(0, colon), id.substring(colon + 1));
    }

    /** A reference as written in a field: relative ones (without a colon) belong to {@code namespace}. */
    public static String resolve(String reference, String namespace) {
        return reference.indexOf(':') >= 0 ? reference : namespace + ":" + reference;
    }

    public static boolean isValidNamespace(String namespace) {
        return NAMESPACE.matcher(namespace).matches();
    }

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return namespace + ":" + name;
    }
}
