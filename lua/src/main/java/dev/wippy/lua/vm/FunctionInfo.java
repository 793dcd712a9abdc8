package dev.wippy.lua.vm;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static facts about a compiled function prototype: where it is defined, and what the operands of each call or
 * operation instruction are (for PUC-style variable descriptions in error messages and names in tracebacks).
 * Sites are keyed by bytecode index, so they cost nothing until an error or traceback needs them.
 */
public final class FunctionInfo {
    /**
     * How PUC describes a value: {@code kind} is global, local, method, field, upvalue, constant, ...;
     * {@code qualified} is the dotted name of a library function called as a field of a global ({@code
     * string.rep}), which is how PUC names it in tracebacks.
     */
    public record Desc(String kind, String name, String qualified) {
        public Desc(String kind, String name) {
            this(kind, name, null);
        }

        /** The text PUC appends to a type error, e.g. {@code  (local 'cfg')}. */
        public String varinfo() {
            return " (" + kind + " '" + name + "')";
        }
    }

    /** How an instruction's frame takes part in the Lua stack while the instruction runs. */
    public enum Role {
        PLAIN,
        /** A proper tail call: the calling frame is not part of the Lua stack while the callee runs. */
        TAIL_CALL,
        /**
         * Closing a to-be-closed variable after an error: PUC has already left the frame, so the {@code __close}
         * handler runs right above the frame's caller.
         */
        UNWINDING
    }

    /**
     * What an instruction works on: for a call, operand 0 is the called function; for an operation, the operands
     * in order, and {@code event} names the metamethod the operation may call ("index", "add", ...; null for
     * calls). An operand's description is null when PUC would give none.
     */
    public record Site(String event, Role role, Desc... operands) {
        public Site(String event, Desc... operands) {
            this(event, Role.PLAIN, operands);
        }

        public boolean tail() {
            return role == Role.TAIL_CALL;
        }

        public Desc operand(int i) {
            return i < operands.length ? operands[i] : null;
        }

        /** How a function called from this instruction is described: the callee, or the metamethod. */
        public Desc called() {
            return event != null ? new Desc("metamethod", event) : operand(0);
        }
    }

    private static final Map<Class<?>, FunctionInfo> REGISTERED = new ConcurrentHashMap<>();

    private final String source;
    private final String sourceName;
    private final boolean stripped;
    private final byte[] chunkSource;
    private final int functionId;
    private final int lineDefined;
    private final int lastLineDefined;
    private final String[] params;
    private final boolean vararg;
    private final String[] upvalueNames;
    private final int[] siteBcis;
    private final Site[] sites;
    private final LocalScopes locals;

    /**
     * @param source      the chunk name as shown in messages
     * @param sourceName  the chunk name as given ({@code debug.getinfo}'s {@code source}: "@file", "=name", text)
     * @param stripped    compiled from a stripped dump: no lines, no variable names
     * @param chunkSource the source text of the whole chunk (shared by its functions), kept so that
     *                    {@code string.dump} can reproduce the function; null when not available
     * @param functionId  the function's number within its chunk (0 for the main function)
     * @param params      the names of the fixed parameters (with a method's {@code self})
     * @param upvalueNames the names of the upvalues in PUC's order (the order of first use), counting {@code _ENV}
     *                     when globals are used; upvalue {@code i} (from 0) is the closure's field {@code u<i>}
     * @param locals      where its locals are active, for a function compiled to keep them in a {@link DebugFrame};
     *                    else null
     */
    public FunctionInfo(String source, String sourceName, boolean stripped, byte[] chunkSource, int functionId,
                        int lineDefined, int lastLineDefined, String[] params, boolean vararg, String[] upvalueNames,
                        int[] siteBcis, Site[] sites, LocalScopes locals) {
        this.source = source;
        this.sourceName = sourceName;
        this.stripped = stripped;
        this.chunkSource = chunkSource;
        this.functionId = functionId;
        this.lineDefined = lineDefined;
        this.lastLineDefined = lastLineDefined;
        this.params = params;
        this.vararg = vararg;
        this.upvalueNames = upvalueNames;
        this.siteBcis = siteBcis;
        this.sites = sites;
        this.locals = locals;
    }

    /** Registers the info of a freshly defined compiled class; it is consumed once by {@link LuaClosure}. */
    public static void register(Class<?> compiledClass, FunctionInfo info) {
        REGISTERED.put(compiledClass, info);
    }

    static FunctionInfo forClass(Class<?> type) {
        FunctionInfo info = REGISTERED.remove(type);
        if (info == null) {
            throw new IllegalStateException("no function info for " + type);
        }
        return info;
    }

    /** The chunk name as shown in messages. */
    public String source() {
        return source;
    }

    /** The chunk name as given to the compiler ({@code debug.getinfo}'s {@code source}). */
    public String sourceName() {
        return sourceName;
    }

    public boolean stripped() {
        return stripped;
    }

    public byte[] chunkSource() {
        return chunkSource;
    }

    public int functionId() {
        return functionId;
    }

    /** Line of the {@code function} keyword; 0 for a main chunk. */
    public int lineDefined() {
        return lineDefined;
    }

    public int lastLineDefined() {
        return lastLineDefined;
    }

    /** {@code debug.getinfo}'s {@code nparams}. */
    public int params() {
        return params.length;
    }

    /** The name of fixed parameter {@code i} (from 0). */
    public String paramName(int i) {
        return params[i];
    }

    /** {@code debug.getinfo}'s {@code isvararg}. */
    public boolean isVararg() {
        return vararg;
    }

    /** {@code debug.getinfo}'s {@code nups}. */
    public int upvalues() {
        return upvalueNames.length;
    }

    /** The name of upvalue {@code i} (from 0). */
    public String upvalueName(int i) {
        return upvalueNames[i];
    }

    /** Where the locals are active, when the function keeps them in a {@link DebugFrame}; else null. */
    public LocalScopes locals() {
        return locals;
    }

    public boolean isMainChunk() {
        return lineDefined == 0;
    }

    /** The site of the instruction at {@code bci}, or null if it has none. */
    public Site siteAt(int bci) {
        int i = Arrays.binarySearch(siteBcis, bci);
        return i >= 0 ? sites[i] : null;
    }
}
