package dev.wippy.runtime.app;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.process.ExitResult;

import java.io.PrintStream;

/** The exit status of a terminal process's outcome (spec 03 §3.6.1), writing what the outcome prints. */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static int of(ExitResult result, PrintStream out, PrintStream err) {
        if (result.isAbnormal()) {
            err.println(result.error().fullText());
            err.flush();
            return 1;
        }
        Object v = result.value();
        if (v instanceof Long n) {
            return (int) (n & 0xff);
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return (int) (d.longValue() & 0xff);
        }
        if (v instanceof Boolean b) {
            return b ? 0 : 1;
        }
        if (v instanceof LuaString s) {
            out.write(s.rawBytes(), 0, s.length());
            out.println();
            out.flush();
        }
        return 0;
    }
}
