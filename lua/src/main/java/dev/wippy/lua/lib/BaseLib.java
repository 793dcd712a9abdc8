package dev.wippy.lua.lib;

import dev.wippy.lua.compiler.BinaryChunk;
import dev.wippy.lua.compiler.ChunkCompiler;
import dev.wippy.lua.memory.MemoryAccount;
import dev.wippy.lua.syntax.ChunkNames;
import dev.wippy.lua.syntax.LuaSyntaxError;
import dev.wippy.lua.syntax.SourceText;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.CallStack;
import dev.wippy.lua.vm.GcParameters;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaInterrupt;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MemoryCount;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The base library: the global functions of Lua 5.4 ({@code print}, {@code pcall}, {@code setmetatable}, ...). */
public final class BaseLib {
    private static final LuaString VERSION = LuaString.of("Lua 5.4");

    /** How often a failing message handler is retried (PUC's limit of nested C calls). */
    private static final int HANDLER_ATTEMPTS = 200;

    /** {@code next}, recognised by compiled generic {@code for} loops to iterate tables directly. */
    public static final LuaFunction NEXT = new Next();
    /** The iterator {@code ipairs} returns, likewise recognised by compiled loops. */
    public static final LuaFunction IPAIRS_ITERATOR = new IpairsIterator();

    private static final LuaTable COMMON = common();

    private BaseLib() {}

    /** Installs the base functions into a state's globals; the standalone profile adds loading and GC functions. */
    public static void install(LuaState s, boolean sandbox) {
        LuaTable g = s.globals();
        for (int slot = COMMON.nextSlot(0); slot >= 0; slot = COMMON.nextSlot(slot + 1)) {
            g.put(COMMON.slotKey(slot), COMMON.slotValue(slot));
        }
        g.putStr(LuaString.of("_G"), g);
        g.putStr(LuaString.of("_VERSION"), VERSION);
        if (!sandbox) {
            LuaTable extra = STANDALONE;
            for (int slot = extra.nextSlot(0); slot >= 0; slot = extra.nextSlot(slot + 1)) {
                g.put(extra.slotKey(slot), extra.slotValue(slot));
            }
        }
    }

    private static LuaTable common() {
        return new LibraryBuilder(null)
                .fn("assert", BaseLib::assertFn)
                .fn("error", BaseLib::error)
                .fn("getmetatable", BaseLib::getmetatable)
                .fn("ipairs", BaseLib::ipairs)
                .fn("next", NEXT)
                .fn("pairs", BaseLib::pairs)
                .fn("pcall", BaseLib::pcall)
                .fn("rawequal", (s, a) -> Interop.rawEquals(Args.checkAny(a, 0), Args.checkAny(a, 1)))
                .fn("rawget", (s, a) -> Args.checkTable(s, a, 0).get(Args.checkAny(a, 1)))
                .fn("rawset", BaseLib::rawset)
                .fn("select", BaseLib::select)
                .fn("setmetatable", BaseLib::setmetatable)
                .fn("tonumber", BaseLib::tonumber)
                .fn("tostring", (s, a) -> Interop.tostring(s, Args.checkAny(a, 0)))
                .fn("type", (s, a) -> LuaString.of(Interop.typeName(Args.checkAny(a, 0))))
                .fn("xpcall", BaseLib::xpcall)
                .build();
    }

    private static final LuaTable STANDALONE = new LibraryBuilder(null)
            .fn("print", BaseLib::print)
            .fn("rawlen", BaseLib::rawlen)
            .fn("load", BaseLib::load)
            .fn("loadfile", BaseLib::loadfile)
            .fn("dofile", BaseLib::dofile)
            .fn("collectgarbage", BaseLib::collectgarbage)
            .fn("warn", BaseLib::warn)
            .build();

    // ---------------------------------------------------------------- errors and protected calls

    private static Object assertFn(LuaState s, Object[] a) {
        if (a.length > 0 && Interop.isTruthy(a[0])) {
            return Multi.of(a);
        }
        Args.checkAny(a, 0);
        Object message = a.length > 1 ? a[1] : LuaString.of("assertion failed!");
        throw raise(message, 1);
    }

    private static Object error(LuaState s, Object[] a) {
        long level = Args.optInteger(s, a, 1, 1);
        throw raise(Args.arg(a, 0), level);
    }

    /** {@code error(value, level)}: string values get the position of the function at {@code level}. */
    private static LuaError raise(Object value, long level) {
        if (value instanceof LuaString msg && level > 0) {
            return new LuaError(LuaString.of(CallStack.where((int) Math.min(level, 1000))).concat(msg));
        }
        return new LuaError(value);
    }

    private static Object pcall(LuaState s, Object[] a) {
        Object f = Args.checkAny(a, 0);
        try {
            Object[] r = Interop.call(s, f, Arrays.copyOfRange(a, 1, a.length));
            return Multi.of(prepend(Boolean.TRUE, r));
        } catch (LuaInterrupt e) {
            throw e;
        } catch (LuaError e) {
            return Multi.of(Boolean.FALSE, e.value());
        } catch (Throwable t) {
            return Multi.of(Boolean.FALSE, errorValue(t));
        }
    }

    private static Object xpcall(LuaState s, Object[] a) {
        Object handler = Args.checkFunction(s, a, 1);
        Object f = a[0];
        CallStack.beginCapturing();
        Object errorValue;
        try {
            Object[] r = Interop.call(s, f, Arrays.copyOfRange(a, 2, a.length));
            return Multi.of(prepend(Boolean.TRUE, r));
        } catch (LuaInterrupt e) {
            throw e;
        } catch (LuaError e) {
            errorValue = e.value();
            CallStack.handling(e);
        } catch (Throwable t) {
            errorValue = errorValue(t);
        } finally {
            CallStack.endCapturing();
        }
        try {
            // as in PUC, an error inside the handler is handled by the handler again; one that keeps failing
            // ends (where PUC's C stack would overflow) with "error in error handling"
            for (int attempt = 0; attempt < HANDLER_ATTEMPTS; attempt++) {
                try {
                    return Multi.of(Boolean.FALSE, Interop.call1(s, handler, errorValue));
                } catch (LuaInterrupt e) {
                    throw e;
                } catch (LuaError e) {
                    errorValue = e.value();
                }
            }
            return Multi.of(Boolean.FALSE, LuaString.of("error in error handling"));
        } finally {
            CallStack.handling(null);
        }
    }

    /** The Lua error value for a Java throwable that escaped Lua code. */
    static Object errorValue(Throwable t) {
        if (t instanceof StackOverflowError) {
            return LuaString.of("stack overflow");
        }
        if (t instanceof OutOfMemoryError) {
            return LuaString.of("not enough memory");
        }
        return LuaString.of(String.valueOf(t));
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] r = new Object[rest.length + 1];
        r[0] = first;
        System.arraycopy(rest, 0, r, 1, rest.length);
        return r;
    }

    // ---------------------------------------------------------------- metatables

    private static Object getmetatable(LuaState s, Object[] a) {
        LuaTable mt = Interop.getMetatable(s, Args.checkAny(a, 0));
        if (mt == null) {
            return null;
        }
        Object protectedValue = mt.getStr(MetaNames.METATABLE);
        return protectedValue != null ? protectedValue : mt;
    }

    private static Object setmetatable(LuaState s, Object[] a) {
        LuaTable t = Args.checkTable(s, a, 0);
        Object mt = Args.arg(a, 1);
        if (mt != null && !(mt instanceof LuaTable)) {
            throw Args.typeError(s, a, 1, "nil or table");
        }
        if (a.length < 2) {
            throw Args.typeError(s, a, 1, "nil or table");
        }
        LuaTable old = t.getMetatable();
        if (old != null && old.getStr(MetaNames.METATABLE) != null) {
            throw LuaError.library("cannot change a protected metatable");
        }
        t.setMetatable((LuaTable) mt);
        s.weakTables().track(t, (LuaTable) mt);
        return t;
    }

    private static Object rawset(LuaState s, Object[] a) {
        LuaTable t = Args.checkTable(s, a, 0);
        Args.checkAny(a, 1);
        Args.checkAny(a, 2);
        t.put(a[1], a[2]);
        return t;
    }

    private static Object rawlen(LuaState s, Object[] a) {
        Object v = Args.arg(a, 0);
        if (v instanceof LuaTable t) {
            return t.length();
        }
        if (v instanceof LuaString str) {
            return (long) str.length();
        }
        throw Args.typeError(s, a, 0, "table or string");
    }

    // ---------------------------------------------------------------- iteration

    private static Object pairs(LuaState s, Object[] a) {
        Object t = Args.checkAny(a, 0);
        Object handler = Interop.metamethod(s, t, MetaNames.PAIRS);
        if (handler != null) {
            Object[] r = Interop.call(s, handler, t);
            return Multi.of(Args.arg(r, 0), Args.arg(r, 1), Args.arg(r, 2));
        }
        return Multi.of(NEXT, t, null);
    }

    private static Object ipairs(LuaState s, Object[] a) {
        return Multi.of(IPAIRS_ITERATOR, Args.checkAny(a, 0), 0L);
    }

    /** {@code next(t, k)}. */
    private static final class Next extends LuaFunction {
        @Override
        public Object call(LuaState s, Object t, Object k) {
            if (!(t instanceof LuaTable table)) {
                throw Args.typeError(s, new Object[] {t}, 0, "table");
            }
            int slot = table.slotAfter(k);
            if (slot < 0) {
                throw LuaError.runtime("invalid key to 'next'");
            }
            slot = table.nextSlot(slot);
            if (slot < 0) {
                return null;
            }
            return Multi.of(table.slotKey(slot), table.slotValue(slot));
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            if (args.length == 0 || !(args[0] instanceof LuaTable)) {
                throw Args.typeError(s, args, 0, "table");
            }
            return call(s, args[0], Args.arg(args, 1));
        }

        @Override
        public String name() {
            return "next";
        }
    }

    /** The iterator of {@code ipairs}: honours {@code __index} as in 5.4. */
    private static final class IpairsIterator extends LuaFunction {
        @Override
        public Object call(LuaState s, Object t, Object i) {
            long next = (Long) i + 1;
            Object v = t instanceof LuaTable table && table.getMetatable() == null
                    ? table.getInt(next) : Interop.index(s, t, next);
            return v == null ? null : Multi.of(next, v);
        }

        @Override
        public Object callv(LuaState s, Object[] args) {
            long i = Args.checkInteger(s, args, 1);
            return call(s, Args.arg(args, 0), i);
        }
    }

    private static Object select(LuaState s, Object[] a) {
        Object n = Args.arg(a, 0);
        if (n instanceof LuaString str && str.length() == 1 && str.byteAt(0) == '#') {
            return (long) (a.length - 1);
        }
        long i = Args.checkInteger(s, a, 0);
        if (i < 0) {
            i = a.length - 1 + i;
        } else if (i > 0) {
            i--;
        }
        if (i < 0 || Args.arg(a, 0) instanceof Long l && l == 0) {
            throw Args.error(0, "index out of range");
        }
        if (i >= a.length - 1) {
            return Multi.EMPTY;
        }
        return Multi.of(Arrays.copyOfRange(a, (int) i + 1, a.length));
    }

    // ---------------------------------------------------------------- conversions

    private static Object tonumber(LuaState s, Object[] a) {
        if (Args.isNoneOrNil(a, 1)) {
            Object v = Args.checkAny(a, 0);
            if (v instanceof Long || v instanceof Double) {
                return v;
            }
            return v instanceof LuaString str ? LuaNumbers.parse(str) : null;
        }
        long base = Args.checkInteger(s, a, 1);
        if (!(Args.arg(a, 0) instanceof LuaString str)) {
            throw Args.typeError(s, a, 0, "string");
        }
        if (base < 2 || base > 36) {
            throw Args.error(1, "base out of range");
        }
        return parseInBase(str.rawBytes(), (int) base);
    }

    private static Long parseInBase(byte[] b, int base) {
        int i = 0;
        int n = b.length;
        while (i < n && isSpace(b[i])) {
            i++;
        }
        boolean neg = false;
        if (i < n && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < n && Character.isLetterOrDigit(b[i]); i++) {
            int d = Character.digit(b[i], 36);
            if (d < 0 || d >= base) {
                return null;
            }
            value = value * base + d;
            digits++;
        }
        while (i < n && isSpace(b[i])) {
            i++;
        }
        if (digits == 0 || i != n) {
            return null;
        }
        return neg ? -value : value;
    }

    /** C's {@code isspace} in the C locale. */
    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    // ---------------------------------------------------------------- standalone profile

    private static Object print(LuaState s, Object[] a) {
        OutputStream out = s.stdout();
        try {
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                LuaString str = Interop.tostring(s, a[i]);
                out.write(str.rawBytes());
            }
            out.write('\n');
        } catch (IOException e) {
            throw LuaError.library(e.getMessage());
        }
        return Multi.EMPTY;
    }

    /**
     * {@code warn(msg1, ...)}: the pieces form one message, written to stderr as {@code Lua warning: ...} when
     * warnings are on; a single piece "@on" or "@off" switches them.
     */
    private static Object warn(LuaState s, Object[] a) {
        Args.checkString(s, a, 0);
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            message.append(Args.checkString(s, a, i).toLatin1());
        }
        if (a.length == 1 && message.length() > 0 && message.charAt(0) == '@') {
            if (message.toString().equals("@on")) {
                s.setWarnings(true);
            } else if (message.toString().equals("@off")) {
                s.setWarnings(false);
            }
        } else if (s.warnings()) {
            try {
                s.stderr().write(("Lua warning: " + message + "\n").getBytes(StandardCharsets.ISO_8859_1));
                s.stderr().flush();
            } catch (IOException e) {
                // like PUC, a warning that cannot be written is lost
            }
        }
        return Multi.EMPTY;
    }

    /** A full collection, after which the state's count is what it still holds. */
    private static void collect(LuaState s) {
        s.memory().reconcile(s.weakTables().collect());
    }

    private static Object collectgarbage(LuaState s, Object[] a) {
        String opt = Args.optString(s, a, 0, LuaString.of("collect")).toString();
        GcParameters gc = s.gc();
        return switch (opt) {
            case "collect" -> {
                collect(s);
                yield 0L;
            }
            case "count" -> MemoryAccount.ENABLED ? s.memory().bytes() / 1024.0 : MemoryCount.kilobytes();
            case "step" -> {
                // the JVM has no incremental steps to offer: a step is a whole cycle, so it always ends one
                collect(s);
                yield Boolean.TRUE;
            }
            case "isrunning" -> gc.running;
            case "incremental", "generational" -> {
                String previous = gc.mode;
                gc.mode = opt;
                yield LuaString.of(previous);
            }
            case "stop", "restart" -> {
                gc.running = opt.equals("restart");
                yield 0L;
            }
            case "setpause" -> {
                long previous = gc.pause;
                gc.pause = GcParameters.stored(Args.optInteger(s, a, 1, 0));
                yield previous;
            }
            case "setstepmul" -> {
                long previous = gc.stepMultiplier;
                gc.stepMultiplier = GcParameters.stored(Args.optInteger(s, a, 1, 0));
                yield previous;
            }
            default -> throw Args.error(0, "invalid option '" + opt + "'");
        };
    }

    private static Object load(LuaState s, Object[] a) {
        LuaString source = Interop.toStringCoerced(Args.arg(a, 0));
        String defaultName;
        if (source != null) {
            defaultName = source.toLatin1();
        } else {
            LuaFunction reader = Args.checkFunction(s, a, 0);
            try {
                source = readPieces(s, reader);
            } catch (LuaError e) {
                // like lua_load, errors of the reader are returned, not raised
                return Multi.of(null, e.value());
            }
            defaultName = "=(load)";
        }
        String name = Args.isNoneOrNil(a, 1) ? defaultName : Args.checkString(s, a, 1).toString();
        String mode = Args.optString(s, a, 2, LuaString.of("bt")).toString();
        Object env = a.length > 3 ? a[3] : s.globals();
        return loadChunk(s, source, name, mode, env);
    }

    private static LuaString readPieces(LuaState s, LuaFunction reader) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        while (true) {
            Object piece = Interop.call1(s, reader);
            LuaString p = Interop.toStringCoerced(piece);
            if (piece == null || (p != null && p.length() == 0)) {
                return LuaString.wrap(buf.toByteArray());
            }
            if (p == null) {
                throw LuaError.library("reader function must return a string");
            }
            buf.writeBytes(p.rawBytes());
        }
    }

    /** Compiles a text chunk; returns the function, or nil and the message like {@code load}. */
    static Object loadChunk(LuaState s, LuaString source, String chunkName, String mode, Object env) {
        if (BinaryChunk.isBinary(source.rawBytes())) {
            if (mode.indexOf('b') < 0) {
                return Multi.of(null, LuaString.of("attempt to load a binary chunk (mode is '" + mode + "')"));
            }
            String shown = chunkName.startsWith("@") || chunkName.startsWith("=") ? chunkName.substring(1)
                    : chunkName.startsWith("\u001b") ? "binary string" : chunkName;
            try {
                return BinaryChunk.load(source.rawBytes(), shown, env);
            } catch (LuaSyntaxError e) {
                return Multi.of(null, LuaString.of(e.getMessage()));
            }
        }
        if (mode.indexOf('t') < 0) {
            return Multi.of(null, LuaString.of("attempt to load a text chunk (mode is '" + mode + "')"));
        }
        try {
            return ChunkCompiler.compile(source.rawBytes(), ChunkNames.display(chunkName), chunkName)
                    .instantiate(env);
        } catch (LuaSyntaxError e) {
            return Multi.of(null, LuaString.of(e.getMessage()));
        }
    }

    private static Object loadfile(LuaState s, Object[] a) {
        LuaString path = Args.optString(s, a, 0, null);
        String mode = Args.optString(s, a, 1, LuaString.of("bt")).toString();
        Object env = a.length > 2 ? a[2] : s.globals();
        try {
            byte[] bytes = Files.readAllBytes(Path.of(path.toString()));
            return loadChunk(s, LuaString.wrap(SourceText.ofFile(bytes)), "@" + path, mode, env);
        } catch (IOException e) {
            return Multi.of(null, LuaString.of("cannot open " + path));
        }
    }

    private static Object dofile(LuaState s, Object[] a) {
        Object r = loadfile(s, new Object[] {Args.arg(a, 0)});
        if (r instanceof Multi m) {
            throw new LuaError(m.all(s)[1]);
        }
        return ((LuaFunction) r).callv(s, Multi.NO_VALUES);
    }
}
