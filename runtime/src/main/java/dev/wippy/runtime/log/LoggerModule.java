package dev.wippy.runtime.log;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.lua.ModuleProvider;
import org.slf4j.event.Level;

import java.util.Map;

/**
 * The {@code logger} module (spec 03 §3.7): {@code require("logger")} yields the root Logger; methods may be called
 * with a colon or, on the module itself, with a dot ({@code logger.info("msg")}).
 */
public final class LoggerModule {
    static final LuaTable META = new LuaTable();

    /** Provides the root logger. */
    public static final ModuleProvider PROVIDER = s -> LuaLogger.ROOT;

    static {
        LuaTable methods = new LuaTable();
        level(methods, "debug", Level.DEBUG);
        level(methods, "info", Level.INFO);
        level(methods, "warn", Level.WARN);
        level(methods, "error", Level.ERROR);
        methods.putStr(LuaString.of("with"), new JavaFunction("with", (s, a) -> {
            Object[] args = withSelf(a);
            return self(args).with(LogFields.of(s, Args.checkTable(s, args, 1)));
        }));
        methods.putStr(LuaString.of("named"), new JavaFunction("named", (s, a) -> {
            Object[] args = withSelf(a);
            String name = Args.checkString(s, args, 1).toString();
            if (name.isEmpty()) {
                throw LuaError.library("logger name must not be empty");
            }
            return self(args).named(name);
        }));
        META.putStr(MetaNames.INDEX, methods.freeze());
        META.putStr(MetaNames.NAME, LuaString.of("logger"));
        META.putStr(MetaNames.TOSTRING, new JavaFunction("tostring", (s, a) -> {
            String name = ((LuaLogger) a[0]).name();
            return LuaString.of(name.isEmpty() ? "logger" : "logger: " + name);
        }));
    }

    private LoggerModule() {
    }

    private static void level(LuaTable methods, String name, Level level) {
        methods.putStr(LuaString.of(name), new JavaFunction(name, (s, a) -> {
            Object[] args = withSelf(a);
            LuaLogger logger = self(args);
            String message = message(s, args);
            Object extra = Args.arg(args, 2);
            if (extra != null && !(extra instanceof LuaTable)) {
                throw Args.typeError(s, args, 2, "table");
            }
            if (!LogWriter.enabled(level, logger.name())) {
                return Multi.EMPTY;
            }
            Map<String, Object> fields = logger.fields();
            if (extra instanceof LuaTable t) {
                fields = new java.util.LinkedHashMap<>(fields);
                fields.putAll(LogFields.of(s, t));
            }
            LogWriter.write(s, level, logger.name(), message, fields);
            return Multi.EMPTY;
        }));
    }

    /** Dot calls on the module pass no Logger first; the root logger stands in. */
    private static Object[] withSelf(Object[] a) {
        if (a.length > 0 && a[0] instanceof LuaLogger) {
            return a;
        }
        Object[] args = new Object[a.length + 1];
        args[0] = LuaLogger.ROOT;
        System.arraycopy(a, 0, args, 1, a.length);
        return args;
    }

    private static LuaLogger self(Object[] args) {
        return (LuaLogger) args[0];
    }

    private static String message(LuaState s, Object[] args) {
        Object m = Args.arg(args, 1);
        if (m instanceof LuaString || m instanceof Long || m instanceof Double) {
            return Interop.toStringCoerced(m).toString();
        }
        throw Args.typeError(s, args, 1, "string");
    }

    /** The global {@code print}: arguments joined by a space, logged at info (spec 03 §3.14). */
    public static final JavaFunction PRINT = new JavaFunction("print", (s, a) -> {
        if (!LogWriter.enabled(Level.INFO, "")) {
            return Multi.EMPTY;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(Interop.tostring(s, a[i]));
        }
        LogWriter.write(s, Level.INFO, "", line.toString(), Map.of());
        return Multi.EMPTY;
    });

}
