package dev.wippy.workflow.core;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.wippy.runtime.time.DurationText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A cron schedule of spec 05 §3.7: five fields (minute, hour, day of month, month, day of week) in UTC, the
 * descriptors {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @hourly}, and
 * {@code @every <duration>}.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, String> DESCRIPTORS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final ExecutionTime times;
    private final Duration every;

    private CronSchedule(ExecutionTime times, Duration every) {
        this.times = times;
        this.every = every;
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static CronSchedule parse(String text) {
        String t = text.trim();
        if (t.startsWith("@every ")) {
            try {
                long nanos = DurationText.parse(t.substring(7).trim());
                if (nanos <= 0) {
                    throw new IllegalArgumentException("@every needs a positive duration");
                }
                return new CronSchedule(null, Duration.ofNanos(nanos));
            } catch (DurationText.InvalidDuration e) {
                throw new IllegalArgumentException("not a duration in '" + text + "'");
            }
        }
        String expression = DESCRIPTORS.getOrDefault(t, t);
        return new CronSchedule(ExecutionTime.forCron(PARSER.parse(expression)), null);
    }

    /** The first matching instant strictly after {@code after}. */
    public Instant next(Instant after) {
        if (every != null) {
            return after.plus(every);
        }
        return times.nextExecution(after.atZone(ZoneOffset.UTC)).map(z -> z.toInstant())
                .orElseThrow(() -> new IllegalStateException("the schedule never fires again"));
    }
}
