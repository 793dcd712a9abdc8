package dev.wippy.lua.lib;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.Ops;

/**
 * Lua's pattern matcher over bytes (PUC semantics): character classes in the C locale, sets, {@code %b}, {@code %f},
 * anchors, up to 32 captures including position captures and back-references. One instance matches one subject
 * against one pattern; it is reused across positions by {@code find}, {@code gmatch} and {@code gsub}. Backtracking
 * can take time polynomial in the subject's length (exponential in the pattern's), so every matching step is work
 * counted against the state's budget: the budget hook can stop a match as it stops a loop.
 */
final class LuaPattern {
    static final int MAX_CAPTURES = 32;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final int MAX_RECURSION = 200;

    private final LuaState state;
    private final byte[] src;
    private final int srcEnd;
    private final byte[] pat;
    private final int patEnd;
    int level;
    final int[] captureStart = new int[MAX_CAPTURES];
    final int[] captureLen = new int[MAX_CAPTURES];
    private int depth;

    LuaPattern(LuaState state, byte[] src, byte[] pat) {
        this.state = state;
        this.src = src;
        this.srcEnd = src.length;
        this.pat = pat;
        this.patEnd = pat.length;
    }

    /** Tries a match at subject position {@code s} from pattern position {@code p}; returns the end or -1. */
    int match(int s, int p) {
        level = 0;
        depth = 0;
        return doMatch(s, p);
    }

    private int doMatch(int s, int p) {
        if (++depth > MAX_RECURSION) {
            throw LuaError.library("pattern too complex");
        }
        Ops.tick(state);
        try {
            while (true) {
                if (p == patEnd) {
                    return s;
                }
                switch (pat[p]) {
                    case '(' -> {
                        if (p + 1 < patEnd && pat[p + 1] == ')') {
                            return startCapture(s, p + 2, CAP_POSITION);
                        }
                        return startCapture(s, p + 1, CAP_UNFINISHED);
                    }
                    case ')' -> {
                        return endCapture(s, p + 1);
                    }
                    case '$' -> {
                        if (p + 1 == patEnd) {
                            return s == srcEnd ? s : -1;
                        }
                    }
                    case '%' -> {
                        if (p + 1 < patEnd) {
                            byte next = pat[p + 1];
                            if (next == 'b') {
                                s = matchBalance(s, p + 2);
                                if (s != -1) {
                                    p += 4;
                                    continue;
                                }
                                return -1;
                            }
                            if (next == 'f') {
                                p += 2;
                                if (p >= patEnd || pat[p] != '[') {
                                    throw LuaError.library("missing '[' after '%f' in pattern");
                                }
                                int ep = classEnd(p);
                                int prev = s == 0 ? 0 : src[s - 1] & 0xff;
                                int cur = s < srcEnd ? src[s] & 0xff : 0;
                                if (!matchClass(prev, p, ep - 1) && matchClass(cur, p, ep - 1)) {
                                    p = ep;
                                    continue;
                                }
                                return -1;
                            }
                            if (next >= '0' && next <= '9') {
                                s = matchCapture(s, next);
                                if (s != -1) {
                                    p += 2;
                                    continue;
                                }
                                return -1;
                            }
                        }
                    }
                    default -> {
                    }
                }
                int ep = classEnd(p);
                boolean m = s < srcEnd && singleMatch(src[s] & 0xff, p, ep);
                if (ep < patEnd) {
                    switch (pat[ep]) {
                        case '?' -> {
                            if (m) {
                                int r = doMatch(s + 1, ep + 1);
                                if (r != -1) {
                                    return r;
                                }
                            }
                            p = ep + 1;
                            continue;
                        }
                        case '+' -> {
                            return m ? maxExpand(s + 1, p, ep) : -1;
                        }
                        case '*' -> {
                            return maxExpand(s, p, ep);
                        }
                        case '-' -> {
                            return minExpand(s, p, ep);
                        }
                        default -> {
                        }
                    }
                }
                if (!m) {
                    return -1;
                }
                s++;
                p = ep;
            }
        } finally {
            depth--;
        }
    }

    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (s + i < srcEnd && singleMatch(src[s + i] & 0xff, p, ep)) {
            i++;
        }
        while (i >= 0) {
            int r = doMatch(s + i, ep + 1);
            if (r != -1) {
                return r;
            }
            i--;
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        while (true) {
            int r = doMatch(s, ep + 1);
            if (r != -1) {
                return r;
            }
            if (s < srcEnd && singleMatch(src[s] & 0xff, p, ep)) {
                s++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAX_CAPTURES) {
            throw LuaError.library("too many captures");
        }
        captureStart[level] = s;
        captureLen[level] = what;
        level++;
        int r = doMatch(s, p);
        if (r == -1) {
            level--;
        }
        return r;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        captureLen[l] = s - captureStart[l];
        int r = doMatch(s, p);
        if (r == -1) {
            captureLen[l] = CAP_UNFINISHED;
        }
        return r;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (captureLen[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw LuaError.library("invalid pattern capture");
    }

    private int matchBalance(int s, int p) {
        if (p + 1 >= patEnd) {
            throw LuaError.library("malformed pattern (missing arguments to '%b')");
        }
        if (s >= srcEnd || src[s] != pat[p]) {
            return -1;
        }
        byte open = pat[p];
        byte close = pat[p + 1];
        int cont = 1;
        int i = s + 1;
        while (i < srcEnd) {
            byte c = src[i];
            if (c == close) {
                if (--cont == 0) {
                    return i + 1;
                }
            } else if (c == open) {
                cont++;
            }
            i++;
        }
        return -1;
    }

    private int matchCapture(int s, byte digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || captureLen[l] == CAP_UNFINISHED) {
            throw LuaError.library("invalid capture index %" + (l + 1));
        }
        int len = captureLen[l];
        if (srcEnd - s >= len && java.util.Arrays.equals(src, captureStart[l], captureStart[l] + len, src, s,
                s + len)) {
            return s + len;
        }
        return -1;
    }

    /** The end of the single-character class starting at {@code p}. */
    private int classEnd(int p) {
        byte c = pat[p++];
        if (c == '%') {
            if (p >= patEnd) {
                throw LuaError.library("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (p < patEnd && pat[p] == '^') {
                p++;
            }
            do {
                if (p >= patEnd) {
                    throw LuaError.library("malformed pattern (missing ']')");
                }
                byte cc = pat[p++];
                if (cc == '%') {
                    if (p >= patEnd) {
                        throw LuaError.library("malformed pattern (missing ']')");
                    }
                    p++;
                }
            } while (p >= patEnd || pat[p] != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int ep) {
        byte pc = pat[p];
        return switch (pc) {
            case '.' -> true;
            case '%' -> matchClassChar(c, pat[p + 1] & 0xff);
            case '[' -> matchClass(c, p, ep - 1);
            default -> (pc & 0xff) == c;
        };
    }

    /** Matches {@code c} against the set {@code [ ... ]} from {@code p} ('[') to {@code ec} (']'). */
    private boolean matchClass(int c, int p, int ec) {
        boolean sig = true;
        if (pat[p + 1] == '^') {
            sig = false;
            p++;
        }
        while (++p < ec) {
            if (pat[p] == '%') {
                p++;
                if (matchClassChar(c, pat[p] & 0xff)) {
                    return sig;
                }
            } else if (p + 2 < ec && pat[p + 1] == '-') {
                if ((pat[p] & 0xff) <= c && c <= (pat[p + 2] & 0xff)) {
                    return sig;
                }
                p += 2;
            } else if ((pat[p] & 0xff) == c) {
                return sig;
            }
        }
        return !sig;
    }

    static boolean matchClassChar(int c, int cl) {
        boolean res = switch (cl | 0x20) {
            case 'a' -> isAlpha(c);
            case 'c' -> c < 32 || c == 127;
            case 'd' -> c >= '0' && c <= '9';
            case 'g' -> c > 32 && c < 127;
            case 'l' -> c >= 'a' && c <= 'z';
            case 'p' -> isPunct(c);
            case 's' -> c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> c >= 'A' && c <= 'Z';
            case 'w' -> isAlpha(c) || (c >= '0' && c <= '9');
            case 'x' -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> c == 0; // deprecated since 5.2 but still accepted by 5.4
            default -> {
                yield cl == c;
            }
        };
        if (isAlpha(cl) && "acdglpsuwxz".indexOf(cl | 0x20) >= 0 && cl >= 'A' && cl <= 'Z') {
            return !res;
        }
        return res;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isPunct(int c) {
        return c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
    }

    /** Capture {@code i} as a Lua value (a string, or a position for {@code ()} captures). */
    Object capture(int i, int s, int e) {
        if (i >= level) {
            if (i != 0) {
                throw LuaError.library("invalid capture index %" + (i + 1));
            }
            return LuaString.copyOf(src, s, e);
        }
        int len = captureLen[i];
        if (len == CAP_UNFINISHED) {
            throw LuaError.library("unfinished capture");
        }
        if (len == CAP_POSITION) {
            return (long) captureStart[i] + 1;
        }
        return LuaString.copyOf(src, captureStart[i], captureStart[i] + len);
    }

    /** Number of values a successful match produces (its captures, or the whole match). */
    int captureCount(boolean wholeIfNone) {
        return level == 0 && wholeIfNone ? 1 : level;
    }
}
