package dev.wippy.runtime.registry;

import java.util.regex.Pattern;

/**
 * The name patterns of spec 01 §1.11, used by registry filters: {@code *} matches any run of characters except
 * {@code .}, {@code **} any run including {@code .}; everything else is literal and the whole value must match.
 */
public final class Glob {
    private Glob() {
    }

    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) != '*') {
                continue;
            }
            regex.append(Pattern.quote(glob.substring(literalStart, i)));
            boolean deep = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
            regex.append(deep ? ".*" : "[^.]*");
            i += deep ? 1 : 0;
            literalStart = i + 1;
        }
        regex.append(Pattern.quote(glob.substring(literalStart)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
