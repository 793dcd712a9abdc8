package dev.wippy.http.server;

/** Canonical header names (spec 07 §0): {@code content-type} becomes {@code Content-Type}. */
public final class HeaderNames {
    private HeaderNames() {
    }

    public static String canonical(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return name;
            }
        }
        char[] out = name.toCharArray();
        boolean upper = true;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            out[i] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            upper = c == '-';
        }
        return new String(out);
    }
}
