package dev.wippy.observability.metrics;

/**
 * Names as the exposition may carry them (spec 08 §6.2): characters outside {@code [A-Za-z0-9_:]} become {@code _}
 * and a leading digit is prefixed with {@code _}; label names likewise (without {@code :}, which Prometheus does not
 * allow in them).
 */
public final class PrometheusNames {
    private PrometheusNames() {
    }

    public static String metric(String name) {
        return clean(name, true);
    }

    public static String label(String name) {
        return clean(name, false);
    }

    private static String clean(String name, boolean colons) {
        StringBuilder b = new StringBuilder(name.length() + 1);
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            b.append('_');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || colons && c == ':';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }
}
