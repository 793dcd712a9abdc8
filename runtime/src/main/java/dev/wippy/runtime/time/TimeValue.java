package dev.wippy.runtime.time;

import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.values.Transferable;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A Lua {@code Time} (spec 02 §5.4): an instant with nanosecond precision and the Location its calendar fields are
 * read in. Immutable, so it crosses process boundaries as it is (spec 02 §1.5).
 */
public final class TimeValue extends LuaUserdata implements Transferable {
    /** Go's zero time, the origin of {@code round}/{@code truncate} and what {@code is_zero} tests for. */
    static final Instant ZERO = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private final Instant instant;
    private final Location location;

    public TimeValue(Instant instant, Location location) {
        super(TimeMethods.META);
        this.instant = instant;
        this.location = location;
    }

    public Instant instant() {
        return instant;
    }

    public Location location() {
        return location;
    }

    /** The calendar fields in this time's location. */
    ZonedDateTime fields() {
        return instant.atZone(location.zone());
    }

    TimeValue in(Location other) {
        return new TimeValue(instant, other);
    }

    TimeValue plus(long nanos) {
        return of(() -> instant.plusNanos(nanos));
    }

    /** {@code this − other} in nanoseconds, saturated to the Duration range like Go's {@code Sub}. */
    long since(TimeValue other) {
        BigInteger d = nanosSince(other.instant);
        if (d.bitLength() >= 64) {
            return d.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return d.longValueExact();
    }

    /** Truncates the time elapsed since the zero time to a multiple of {@code d}; unchanged for d ≤ 0. */
    TimeValue truncate(long d) {
        if (d <= 0) {
            return this;
        }
        BigInteger r = nanosSince(ZERO).mod(BigInteger.valueOf(d));
        return plus(-r.longValueExact());
    }

    /** Rounds the time elapsed since the zero time to a multiple of {@code d}, halfway up; unchanged for d ≤ 0. */
    TimeValue round(long d) {
        if (d <= 0) {
            return this;
        }
        long r = nanosSince(ZERO).mod(BigInteger.valueOf(d)).longValueExact();
        // r and d are non-negative longs, so comparing r with d - r avoids overflowing 2r
        return r < d - r ? plus(-r) : plus(d - r);
    }

    private BigInteger nanosSince(Instant origin) {
        BigInteger seconds = BigInteger.valueOf(instant.getEpochSecond() - origin.getEpochSecond());
        return seconds.multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(instant.getNano() - origin.getNano()));
    }

    private TimeValue of(java.util.function.Supplier<Instant> compute) {
        try {
            return new TimeValue(compute.get(), location);
        } catch (DateTimeException | ArithmeticException e) {
            throw LuaError.library("time: time out of range");
        }
    }

    @Override
    public String toString() {
        return LayoutFormatter.format(this, Layout.STRING);
    }
}
