package dev.wippy.lua.vm;

import java.util.List;

/** Formats Lua frames in PUC's {@code stack traceback:} layout. */
public final class Traceback {
    private static final int HEAD = 10;
    private static final int TAIL = 11;

    private Traceback() {}

    /**
     * The traceback of {@code frames} (innermost first). {@code entry} adds PUC's final {@code [C]: in ?} line for
     * the host that started the Lua code.
     */
    public static String format(List<CallStack.Frame> frames, boolean entry) {
        StringBuilder sb = new StringBuilder("stack traceback:");
        int n = frames.size();
        for (int i = 0; i < n; i++) {
            if (n > HEAD + TAIL && i == HEAD) {
                int skip = n - HEAD - TAIL;
                sb.append("\n\t...\t(skipping ").append(skip).append(" levels)");
                i += skip - 1;
                continue;
            }
            CallStack.Frame f = frames.get(i);
            sb.append("\n\t");
            sb.append(f.isLua() ? f.source() + ":" + f.line() + ":" : "[C]:");
            if (f.tailCalled()) {
                sb.append(" in ").append(describeTailCalled(f)).append("\n\t(...tail calls...)");
            } else {
                sb.append(" in ").append(describe(f, CallStack.calledAs(frames, i)));
            }
        }
        if (entry) {
            sb.append("\n\t[C]: in ?");
        }
        return sb.toString();
    }

    /** PUC knows no call-site name for a tail-called function; a global one is still found by its name. */
    private static String describeTailCalled(CallStack.Frame f) {
        FunctionInfo.Desc as = f.tailCalledAs();
        if (as != null && as.kind().equals("global")) {
            return "function '" + as.name() + "'";
        }
        return describe(f, null);
    }

    private static String describe(CallStack.Frame f, FunctionInfo.Desc calledAs) {
        if (calledAs != null) {
            if (calledAs.kind().equals("global")) {
                return "function '" + calledAs.name() + "'";
            }
            if (!f.isLua() && calledAs.qualified() != null) {
                return "function '" + calledAs.qualified() + "'";
            }
            return calledAs.kind() + " '" + calledAs.name() + "'";
        }
        if (f.isLua()) {
            return f.info().isMainChunk() ? "main chunk"
                    : "function <" + f.source() + ":" + f.info().lineDefined() + ">";
        }
        return "?";
    }
}
