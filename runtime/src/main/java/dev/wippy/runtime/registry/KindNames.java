package dev.wippy.runtime.registry;

import java.util.Collection;

/** Finds the known kind an unknown one was probably meant to be ({@code proces.lua} → {@code process.lua}). */
public final class KindNames {
    private static final int MAX_TYPO_DISTANCE = 2;

    private KindNames() {
    }

    /** The nearest known kind within a small edit distance, or null. */
    public static String nearest(String kind, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_TYPO_DISTANCE + 1;
        for (String k : known) {
            int d = distance(kind, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
