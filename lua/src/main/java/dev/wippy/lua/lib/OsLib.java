package dev.wippy.lua.lib;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

/**
 * The {@code os} library. The sandbox gets {@code time date clock difftime} and {@code os.platform}; the standalone
 * profile adds process and file functions. Time is read through the state's clock (replaceable for replay), and
 * local dates use the clock's zone so that {@code os.time} and {@code os.date} round-trip.
 */
public final class OsLib {
    private static final String CONVERSIONS = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
    private static final String E_CONVERSIONS = "cCxXyY";
    private static final String O_CONVERSIONS = "deHImMSuUVwWy";

    static final LuaTable SANDBOX_TEMPLATE = common().value("platform", LuaString.of("wippy")).build();
    static final LuaTable TEMPLATE = common()
            .fn("getenv", (s, a) -> {
                String v = System.getenv(Args.checkString(s, a, 0).toString());
                return v == null ? null : LuaString.of(v);
            })
            .fn("exit", OsLib::exit)
            .fn("remove", OsLib::remove)
            .fn("rename", OsLib::rename)
            .fn("tmpname", (s, a) -> {
                try {
                    Path p = Files.createTempFile("lua_", null);
                    return LuaString.of(p.toString());
                } catch (IOException e) {
                    throw LuaError.library("unable to generate a unique filename");
                }
            })
            .fn("execute", OsLib::execute)
            .fn("setlocale", OsLib::setlocale)
            .build();

    private static final List<String> LOCALE_CATEGORIES =
            List.of("all", "collate", "ctype", "monetary", "numeric", "time");

    private OsLib() {}

    /** The engine only has the C locale (patterns and formats follow it), so only that locale can be set. */
    private static Object setlocale(LuaState s, Object[] a) {
        LuaString locale = Args.optString(s, a, 0, null);
        String category = Args.optString(s, a, 1, LuaString.of("all")).toString();
        if (!LOCALE_CATEGORIES.contains(category)) {
            throw Args.error(1, "invalid option '" + category + "'");
        }
        String name = locale == null ? "" : locale.toString();
        return locale == null || name.isEmpty() || name.equals("C") || name.equals("POSIX") ? LuaString.of("C")
                : null;
    }

    private static LibraryBuilder common() {
        return new LibraryBuilder("os")
                .fn("time", OsLib::time)
                .fn("date", OsLib::date)
                .fn("clock", (s, a) -> s.elapsedSeconds())
                .fn("difftime", (s, a) -> (double) (Args.checkInteger(s, a, 0) - Args.checkInteger(s, a, 1)));
    }

    public static LuaTable install(LuaState s, boolean sandbox) {
        LuaTable t = LuaTable.copyOnWrite(sandbox ? SANDBOX_TEMPLATE : TEMPLATE);
        s.globals().putStr(LuaString.of("os"), t);
        return t;
    }

    // ---------------------------------------------------------------- time

    private static Object time(LuaState s, Object[] a) {
        if (Args.isNoneOrNil(a, 0)) {
            return Math.floorDiv(s.clock().currentTimeMillis(), 1000L);
        }
        LuaTable t = Args.checkTable(s, a, 0);
        long year = field(t, "year", -1, 1900);
        long month = field(t, "month", -1, 1);
        long day = field(t, "day", -1, 0);
        long hour = field(t, "hour", 12, 0);
        long min = field(t, "min", 0, 0);
        long sec = field(t, "sec", 0, 0);
        ZoneId zone = s.clock().zone();
        LocalDateTime base = LocalDateTime.of((int) (year + 1900), 1, 1, 0, 0, 0);
        LocalDateTime dt = base.plusMonths(month).plusDays(day - 1).plusHours(hour).plusMinutes(min)
                .plusSeconds(sec);
        ZonedDateTime zdt = dt.atZone(zone);
        setAllFields(t, zdt);
        return zdt.toEpochSecond();
    }

    /** PUC's {@code getfield}: an integer field (numeric strings convert), with a default and a bias. */
    private static long field(LuaTable t, String key, long def, long delta) {
        Object v = t.getStr(LuaString.of(key));
        Long n = LuaNumbers.toInteger(v);
        if (n == null) {
            if (v != null) {
                throw LuaError.library("field '" + key + "' is not an integer");
            }
            if (def < 0) {
                throw LuaError.library("field '" + key + "' missing in date table");
            }
            return def;
        }
        if (!(n >= 0 ? n - delta <= Integer.MAX_VALUE : Integer.MIN_VALUE + delta <= n)) {
            throw LuaError.library("field '" + key + "' is out-of-bound");
        }
        return n - delta;
    }

    private static void setAllFields(LuaTable t, ZonedDateTime d) {
        t.putStr(LuaString.of("year"), (long) d.getYear());
        t.putStr(LuaString.of("month"), (long) d.getMonthValue());
        t.putStr(LuaString.of("day"), (long) d.getDayOfMonth());
        t.putStr(LuaString.of("hour"), (long) d.getHour());
        t.putStr(LuaString.of("min"), (long) d.getMinute());
        t.putStr(LuaString.of("sec"), (long) d.getSecond());
        t.putStr(LuaString.of("yday"), (long) d.getDayOfYear());
        t.putStr(LuaString.of("wday"), (long) (d.getDayOfWeek().getValue() % 7 + 1));
        t.putStr(LuaString.of("isdst"), d.getZone().getRules().isDaylightSavings(d.toInstant()));
    }

    // ---------------------------------------------------------------- date

    private static Object date(LuaState s, Object[] a) {
        String fmt = Args.optString(s, a, 0, LuaString.of("%c")).toLatin1();
        long time = Args.isNoneOrNil(a, 1) ? Math.floorDiv(s.clock().currentTimeMillis(), 1000L)
                : Args.checkInteger(s, a, 1);
        boolean utc = fmt.startsWith("!");
        if (utc) {
            fmt = fmt.substring(1);
        }
        ZonedDateTime d = Instant.ofEpochSecond(time).atZone(utc ? ZoneOffset.UTC : s.clock().zone());
        if (fmt.startsWith("*t")) {
            LuaTable t = new LuaTable(0, 9);
            setAllFields(t, d);
            return t;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            i++;
            char conv = i < fmt.length() ? fmt.charAt(i) : '\0';
            if ((conv == 'E' || conv == 'O') && i + 1 < fmt.length()
                    && (conv == 'E' ? E_CONVERSIONS : O_CONVERSIONS).indexOf(fmt.charAt(i + 1)) >= 0) {
                conv = fmt.charAt(++i);
            } else if (conv == '\0' || CONVERSIONS.indexOf(conv) < 0) {
                String bad = conv == 'E' || conv == 'O' ? fmt.substring(i, Math.min(i + 2, fmt.length()))
                        : conv == '\0' ? "" : String.valueOf(conv);
                throw Args.error(0, "invalid conversion specifier '%" + bad + "'");
            }
            strftime(out, conv, d, utc);
        }
        return LuaString.ofLatin1(out.toString());
    }

    private static void strftime(StringBuilder out, char conv, ZonedDateTime d, boolean utc) {
        switch (conv) {
            case 'a' -> out.append(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'A' -> out.append(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            case 'b', 'h' -> out.append(d.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'B' -> out.append(d.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
            case 'c' -> {
                strftime(out, 'a', d, utc);
                out.append(' ');
                strftime(out, 'b', d, utc);
                out.append(' ');
                strftime(out, 'e', d, utc);
                out.append(' ');
                strftime(out, 'T', d, utc);
                out.append(' ').append(d.getYear());
            }
            case 'C' -> pad(out, Math.floorDiv(d.getYear(), 100), 2, '0');
            case 'd' -> pad(out, d.getDayOfMonth(), 2, '0');
            case 'D', 'x' -> {
                pad(out, d.getMonthValue(), 2, '0');
                out.append('/');
                pad(out, d.getDayOfMonth(), 2, '0');
                out.append('/');
                pad(out, Math.floorMod(d.getYear(), 100), 2, '0');
            }
            case 'e' -> pad(out, d.getDayOfMonth(), 2, ' ');
            case 'F' -> {
                out.append(d.getYear()).append('-');
                pad(out, d.getMonthValue(), 2, '0');
                out.append('-');
                pad(out, d.getDayOfMonth(), 2, '0');
            }
            case 'g' -> pad(out, Math.floorMod(d.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0');
            case 'G' -> out.append(d.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> pad(out, d.getHour(), 2, '0');
            case 'I' -> pad(out, (d.getHour() + 11) % 12 + 1, 2, '0');
            case 'j' -> pad(out, d.getDayOfYear(), 3, '0');
            case 'm' -> pad(out, d.getMonthValue(), 2, '0');
            case 'M' -> pad(out, d.getMinute(), 2, '0');
            case 'n' -> out.append('\n');
            case 'p' -> out.append(d.getHour() < 12 ? "AM" : "PM");
            case 'r' -> {
                strftime(out, 'I', d, utc);
                out.append(':');
                strftime(out, 'M', d, utc);
                out.append(':');
                strftime(out, 'S', d, utc);
                out.append(' ');
                strftime(out, 'p', d, utc);
            }
            case 'R' -> {
                strftime(out, 'H', d, utc);
                out.append(':');
                strftime(out, 'M', d, utc);
            }
            case 'S' -> pad(out, d.getSecond(), 2, '0');
            case 't' -> out.append('\t');
            case 'T', 'X' -> {
                strftime(out, 'H', d, utc);
                out.append(':');
                strftime(out, 'M', d, utc);
                out.append(':');
                strftime(out, 'S', d, utc);
            }
            case 'u' -> out.append(d.getDayOfWeek().getValue());
            case 'U' -> pad(out, weekOfYear(d, DayOfWeek.SUNDAY), 2, '0');
            case 'V' -> pad(out, d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0');
            case 'w' -> out.append(d.getDayOfWeek().getValue() % 7);
            case 'W' -> pad(out, weekOfYear(d, DayOfWeek.MONDAY), 2, '0');
            case 'y' -> pad(out, Math.floorMod(d.getYear(), 100), 2, '0');
            case 'Y' -> out.append(d.getYear());
            case 'z' -> {
                int offset = d.getOffset().getTotalSeconds() / 60;
                out.append(offset < 0 ? '-' : '+');
                pad(out, Math.abs(offset) / 60 * 100 + Math.abs(offset) % 60, 4, '0');
            }
            case 'Z' -> out.append(utc ? "GMT" : d.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
            default -> out.append('%');
        }
    }

    /** C's %U / %W: weeks starting on {@code first}; days before the first such day are week 0. */
    private static int weekOfYear(ZonedDateTime d, DayOfWeek first) {
        int yday = d.get(ChronoField.DAY_OF_YEAR) - 1;
        int wday = d.getDayOfWeek().getValue() % 7;
        int offset = first == DayOfWeek.SUNDAY ? wday : (wday + 6) % 7;
        return (yday + 7 - offset) / 7;
    }

    private static void pad(StringBuilder out, long v, int width, char padding) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            out.append(padding);
        }
        out.append(s);
    }

    // ---------------------------------------------------------------- standalone extras

    private static Object exit(LuaState s, Object[] a) {
        Object code = Args.arg(a, 0);
        int status;
        if (code == null || code == Boolean.TRUE) {
            status = 0;
        } else if (code == Boolean.FALSE) {
            status = 1;
        } else {
            status = (int) Args.optInteger(s, a, 0, 0);
        }
        throw new LuaExit(status, Args.optBoolean(a, 1, false));
    }

    private static Object remove(LuaState s, Object[] a) {
        String name = Args.checkString(s, a, 0).toString();
        try {
            Files.delete(Path.of(name));
            return Boolean.TRUE;
        } catch (NoSuchFileException e) {
            return Multi.of(null, LuaString.of(name + ": No such file or directory"), 2L);
        } catch (IOException e) {
            return Multi.of(null, LuaString.of(name + ": " + e.getMessage()), 1L);
        }
    }

    private static Object rename(LuaState s, Object[] a) {
        String from = Args.checkString(s, a, 0).toString();
        String to = Args.checkString(s, a, 1).toString();
        try {
            Files.move(Path.of(from), Path.of(to), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Boolean.TRUE;
        } catch (NoSuchFileException e) {
            return Multi.of(null, LuaString.of(from + ": No such file or directory"), 2L);
        } catch (IOException e) {
            return Multi.of(null, LuaString.of(from + ": " + e.getMessage()), 1L);
        }
    }

    private static Object execute(LuaState s, Object[] a) {
        if (Args.isNoneOrNil(a, 0)) {
            return Boolean.TRUE;
        }
        String cmd = Args.checkString(s, a, 0).toString();
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", cmd).inheritIO().start();
            int code = p.waitFor();
            return Multi.of(code == 0 ? Boolean.TRUE : null, LuaString.of("exit"), (long) code);
        } catch (IOException e) {
            return Multi.of(null, LuaString.of("exit"), 127L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Multi.of(null, LuaString.of("signal"), 2L);
        }
    }
}
