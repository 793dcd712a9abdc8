package dev.wippy.http.config;

/**
 * A listen address {@code host:port}; an empty host ({@code :8080}) means every interface.
 *
 * @param host the interface, {@code 0.0.0.0} for all
 */
public record Address(String host, int port) {
    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the reason when it is not {@code host:port} with a port 0–65535
     */
    public static Address parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + text + " has no port (host:port, or :port for every "
                    + "interface)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.contains(":") && !text.startsWith("[")) {
            throw new IllegalArgumentException("address " + text + ": an IPv6 host must be in brackets");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address " + text + " has a bad port '" + text.substring(colon + 1)
                    + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("address " + text + ": port must be from 0 to 65535");
        }
        return new Address(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
