package dev.wippy.runtime.time;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.runtime.lua.Methods;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * A time zone as Lua sees it (spec 02 §5.4): a name ({@code "UTC"}, {@code "Local"}, an IANA name, or the name of
 * a fixed zone) and the rules giving the offset and the zone abbreviation at any instant.
 */
public final class Location extends LuaUserdata {
    static final LuaTable META = metatable();
    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    /** Copied once: the JDK hands out a fresh copy of this set on every call. */
    private static final Set<String> IANA_NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());

    public static final Location UTC = new Location("UTC", ZoneOffset.UTC, false);
    /** The system's default zone under Go's name for it. */
    public static final Location LOCAL = new Location("Local", ZoneId.systemDefault(), false);

    private final String name;
    private final ZoneId zone;
    /** A fixed zone's name is also its abbreviation, as in Go's {@code FixedZone}. */
    private final boolean fixed;

    private static LuaTable metatable() {
        LuaTable methods = new LuaTable();
        Methods.add(methods, "string", Location.class, "Location", (s, loc, a) -> LuaString.of(loc.name));
        LuaTable meta = Methods.metatable("Location", methods);
        meta.putStr(MetaNames.TOSTRING, new JavaFunction("tostring",
                (s, a) -> LuaString.of(Bindings.check(s, a, 0, Location.class, "Location").name)));
        return meta.freeze();
    }

    private Location(String name, ZoneId zone, boolean fixed) {
        super(META);
        this.name = name;
        this.zone = zone;
        this.fixed = fixed;
    }

    /** A zone of the IANA database, or null when the name is unknown. */
    static Location named(String name) {
        return switch (name) {
            case "UTC" -> UTC;
            case "Local" -> LOCAL;
            default -> IANA_NAMES.contains(name) ? new Location(name, ZoneId.of(name), false) : null;
        };
    }

    /**
     * A zone {@code offsetSeconds} east of UTC named {@code name}.
     *
     * @throws DateTimeException when the offset is beyond ±18 hours
     */
    static Location fixed(String name, int offsetSeconds) {
        return new Location(name, ZoneOffset.ofTotalSeconds(offsetSeconds), true);
    }

    public ZoneId zone() {
        return zone;
    }

    int offsetAt(Instant instant) {
        return zone.getRules().getOffset(instant).getTotalSeconds();
    }

    /**
     * The zone abbreviation in effect at {@code instant} ({@code "CET"}, {@code "EDT"}); zones without one are
     * written as their offset ({@code "+03"}, {@code "+0530"}) like the IANA database does. Empty for a fixed zone
     * made without a name.
     */
    String abbreviationAt(Instant instant) {
        if (fixed) {
            return name;
        }
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : numeric(offset.getTotalSeconds());
        }
        String shortName = SHORT_NAME.format(instant.atZone(zone));
        if (shortName.startsWith("GMT+") || shortName.startsWith("GMT-")) {
            return numeric(offsetAt(instant));
        }
        return shortName;
    }

    private static String numeric(int offsetSeconds) {
        int minutes = Math.abs(offsetSeconds) / 60;
        String text = (offsetSeconds < 0 ? "-" : "+") + String.format("%02d", minutes / 60);
        return minutes % 60 == 0 ? text : text + String.format("%02d", minutes % 60);
    }

    @Override
    public String toString() {
        return name;
    }
}
