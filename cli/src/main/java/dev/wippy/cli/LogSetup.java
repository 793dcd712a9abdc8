package dev.wippy.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.encoder.Encoder;
import dev.wippy.runtime.config.RuntimeConfig;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback for the CLI: logs go to the error stream, as readable lines or JSON objects, at the chosen
 * level, and can be muted while a terminal process with {@code hide_logs} runs.
 */
final class LogSetup {
    private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger %msg %kvp%n";
    private static volatile boolean muted;

    private LogSetup() {
    }

    /** Stops (or resumes) writing log lines, e.g. while a terminal process owns the console. */
    static void mute(boolean mute) {
        muted = mute;
    }

    /** @param level the lowest level written, or null to write nothing */
    static void configure(RuntimeConfig.LogEncoding encoding, Level level, java.io.OutputStream err) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (level == null) {
            root.setLevel(Level.OFF);
            return;
        }
        Encoder<ILoggingEvent> encoder;
        if (encoding == RuntimeConfig.LogEncoding.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            encoder = json;
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern(CONSOLE_PATTERN);
            encoder = pattern;
        }
        encoder.setContext(ctx);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(ctx);
        appender.setOutputStream(err);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        appender.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return muted ? FilterReply.DENY : FilterReply.NEUTRAL;
            }
        });
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
        // the Temporal SDK and gRPC narrate their own connections and pollers: only their problems are the app's
        for (String library : new String[]{"io.temporal", "io.grpc"}) {
            ctx.getLogger(library).setLevel(level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN);
        }
    }
}
