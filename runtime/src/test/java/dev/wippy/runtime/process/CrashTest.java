package dev.wippy.runtime.process;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.time.TimeModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability: a Java failure escaping a process (a module bug, an out-of-memory or stack overflow error) ends only
 * that process, with one EXIT of kind INTERNAL naming the cause and one log record.
 */
class CrashTest {
    /** A module whose functions fail the way Java code can fail. */
    private static final ModuleProvider BUG = s -> {
        LuaTable t = new LuaTable();
        t.putStr(LuaString.of("npe"), new JavaFunction("npe", (st, a) -> {
            throw new NullPointerException("no value");
        }));
        t.putStr(LuaString.of("oom"), new JavaFunction("oom", (st, a) -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        t.putStr(LuaString.of("overflow"), new JavaFunction("overflow", (st, a) -> {
            throw new StackOverflowError();
        }));
        return t;
    };

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger processLog = (Logger) LoggerFactory.getLogger("wippy.process");

    @BeforeEach
    void captureLog() {
        log.start();
        processLog.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        processLog.detachAppender(log);
    }

    @ParameterizedTest
    @CsvSource({
        "npe, 'internal error: NullPointerException: no value', main",
        "oom, 'out of memory', main",
        "overflow, 'stack overflow', main",
        "npe, 'internal error: NullPointerException: no value', coroutine",
        "oom, 'out of memory', coroutine",
    })
    void aJavaFailureEndsOnlyItsProcessWithOneInternalExit(String failure, String message, String where)
            throws Exception {
        TestNode t = new TestNode(2, Map.of("time", TimeModule.PROVIDER, "bug", BUG)).entry("app:victim", """
                local bug = require("bug")
                local function main(failure, where)
                  if where == "coroutine" then
                    coroutine.spawn(function() bug[failure]() end)
                    process.inbox():receive()
                  end
                  bug[failure]()
                end
                return { main = main }
                """).entry("app:watch", """
                local function main(failure, where)
                  local pid = process.spawn_monitored("app:victim", "app:processes", failure, where)
                  local events = process.events()
                  local ev = events:receive()
                  local again = channel.select { events:case_receive(), time.after("100ms"):case_receive() }
                  local second = again.channel == events and "second event" or "one event"
                  return ev.kind .. "|" .. ev.result.error:kind() .. "|" .. ev.result.error:message() .. "|" .. second
                end
                return { main = main }
                """);
        ExitResult r = t.run("app:watch", LuaString.of(failure), LuaString.of(where));
        assertThat(r.error()).isNull();
        assertThat(r.value()).isEqualTo(LuaString.of("EXIT|Internal|" + message + "|one event"));
        assertThat(log.list).filteredOn(e -> e.getMessage().equals("execution crashed")).hasSize(1)
                .first().satisfies(e -> assertThat(e.getKeyValuePairs().toString()).contains("app:victim", message));
        assertThat(t.run("app:watch", LuaString.of("none"), LuaString.of("main")).error()).isNull();
    }
}
