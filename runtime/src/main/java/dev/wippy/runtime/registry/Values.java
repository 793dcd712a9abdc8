package dev.wippy.runtime.registry;

import java.util.Map;

/** Reading nested YAML values by dotted path. */
public final class Values {
    private Values() {
    }

    /**
     * The value at {@code path} in {@code root}: each dot descends one mapping, but a key that itself contains
     * dots ({@code ui.hidden}) is found too.
     */
    public static Object at(Map<String, Object> root, String path) {
        if (root.containsKey(path)) {
            return root.get(path);
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            if (root.get(path.substring(0, dot)) instanceof Map<?, ?> child) {
                @SuppressWarnings("unchecked")
                Object v = at((Map<String, Object>) child, path.substring(dot + 1));
                if (v != null) {
                    return v;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }
}
