package dev.wippy.runtime.time;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Zone abbreviations in parsed values ({@code MST} in a layout): what looks like one, and what it means. */
final class ZoneNames {
    private ZoneNames() {}

    /**
     * The length of the zone abbreviation at {@code value[pos]}, or 0 if none: three to five capitals (four or
     * five ending in {@code T}, or {@code WITA}), {@code ChST}/{@code MeST}, {@code GMT} with an optional hour
     * offset, or a bare offset such as {@code +03}.
     */
    static int abbreviationLength(String value, int pos) {
        String v = value.substring(pos);
        if (v.length() < 3) {
            return 0;
        }
        if (v.startsWith("ChST") || v.startsWith("MeST")) {
            return 4;
        }
        if (v.startsWith("GMT")) {
            return 3 + signedHoursLength(v.substring(3));
        }
        if (v.charAt(0) == '+' || v.charAt(0) == '-') {
            return signedHoursLength(v);
        }
        int upper = 0;
        while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
            upper++;
        }
        return switch (upper) {
            case 3 -> 3;
            case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
            case 5 -> v.charAt(4) == 'T' ? 5 : 0;
            default -> 0;
        };
    }

    /** {@code +h}/{@code -hh} with at most 12 hours: its length, else 0. */
    private static int signedHoursLength(String v) {
        if (v.isEmpty() || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
            return 0;
        }
        int i = 1;
        int hours = 0;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            hours = Math.min(100, hours * 10 + (v.charAt(i) - '0'));
            i++;
        }
        return i == 1 || hours > 12 ? 0 : i;
    }

    /** The offset of {@code GMT+3}-style names in seconds; 0 for every other unknown name. */
    static int gmtOffset(String name) {
        return name.length() > 3 && name.startsWith("GMT") ? Integer.parseInt(name.substring(3)) * 3600 : 0;
    }

    /**
     * The offset {@code loc} uses under the abbreviation {@code name} for the wall clock time {@code wall} (read
     * as UTC): preferably one in effect at that time, else any the zone uses under that name around it; null if
     * the zone has no such abbreviation.
     */
    static Integer offsetOf(Location loc, String name, Instant wall) {
        ZoneRules rules = loc.zone().getRules();
        List<ZoneOffsetTransition> nearby = new ArrayList<>(2);
        if (rules.previousTransition(wall) instanceof ZoneOffsetTransition t) {
            nearby.add(t);
        }
        if (rules.nextTransition(wall) instanceof ZoneOffsetTransition t) {
            nearby.add(t);
        }
        Set<Integer> candidates = new LinkedHashSet<>();
        candidates.add(rules.getOffset(wall).getTotalSeconds());
        for (ZoneOffsetTransition t : nearby) {
            candidates.add(t.getOffsetBefore().getTotalSeconds());
            candidates.add(t.getOffsetAfter().getTotalSeconds());
        }
        for (int offset : candidates) {
            Instant instant = wall.minusSeconds(offset);
            if (loc.abbreviationAt(instant).equals(name)) {
                return loc.offsetAt(instant);
            }
        }
        for (ZoneOffsetTransition t : nearby) {
            if (loc.abbreviationAt(t.getInstant().minusSeconds(1)).equals(name)) {
                return t.getOffsetBefore().getTotalSeconds();
            }
            if (loc.abbreviationAt(t.getInstant()).equals(name)) {
                return t.getOffsetAfter().getTotalSeconds();
            }
        }
        return null;
    }
}
