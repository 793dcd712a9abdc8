package dev.wippy.runtime.log;

import dev.wippy.lua.vm.CallStack;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.runtime.lua.LogGate;
import dev.wippy.runtime.process.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.Map;

/**
 * Writes one log entry for Lua code through SLF4J: the logger name (or {@code app}), the message, the fields, and
 * the {@code pid} and {@code location} ({@code entry-id:line}) of the calling Lua line.
 */
final class LogWriter {
    private static final String DEFAULT_NAME = "app";

    private LogWriter() {
    }

    /** Whether an entry at {@code level} would be written: callers skip building it otherwise. */
    static boolean enabled(Level level, String loggerName) {
        return logger(loggerName).isEnabledForLevel(level);
    }

    private static Logger logger(String loggerName) {
        return LoggerFactory.getLogger(loggerName.isEmpty() ? DEFAULT_NAME : loggerName);
    }

    static void write(LuaState s, Level level, String loggerName, String message, Map<String, Object> fields) {
        if (!LogGate.isOpen(s)) {
            return;
        }
        Logger logger = logger(loggerName);
        LoggingEventBuilder event = logger.atLevel(level).setMessage(message);
        fields.forEach(event::addKeyValue);
        Execution execution = s.embedderData() instanceof Execution e ? e : null;
        if (execution != null) {
            if (!fields.containsKey("pid")) {
                event.addKeyValue("pid", execution.pid());
            }
            CallStack.Frame caller = CallStack.frame(1);
            if (caller != null && caller.isLua() && !fields.containsKey("location")) {
                event.addKeyValue("location", execution.entryId() + ":" + caller.line());
            }
        }
        event.log();
    }
}
