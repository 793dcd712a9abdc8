package dev.wippy.http.middleware;

import java.net.InetAddress;
import java.util.regex.Pattern;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Subnet(byte[] network, int bits) {
    private static final Pattern IP_CHARS = Pattern.compile("[0-9a-fA-F.:]+");

    static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        InetAddress a = address(cidr.substring(0, slash));
        try {
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            return a == null || bits < 0 || bits > a.getAddress().length * 8 ? null : new Subnet(a.getAddress(), bits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An IP literal (never a host name: nothing is looked up), or null. */
    static InetAddress address(String text) {
        if (text == null || text.isEmpty() || !IP_CHARS.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean contains(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
