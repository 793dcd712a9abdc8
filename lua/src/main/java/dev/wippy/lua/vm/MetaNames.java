package dev.wippy.lua.vm;

/** Metamethod event names. */
public final class MetaNames {
    public static final LuaString INDEX = LuaString.of("__index");
    public static final LuaString NEWINDEX = LuaString.of("__newindex");
    public static final LuaString CALL = LuaString.of("__call");
    public static final LuaString ADD = LuaString.of("__add");
    public static final LuaString SUB = LuaString.of("__sub");
    public static final LuaString MUL = LuaString.of("__mul");
    public static final LuaString DIV = LuaString.of("__div");
    public static final LuaString MOD = LuaString.of("__mod");
    public static final LuaString POW = LuaString.of("__pow");
    public static final LuaString IDIV = LuaString.of("__idiv");
    public static final LuaString UNM = LuaString.of("__unm");
    public static final LuaString BAND = LuaString.of("__band");
    public static final LuaString BOR = LuaString.of("__bor");
    public static final LuaString BXOR = LuaString.of("__bxor");
    public static final LuaString SHL = LuaString.of("__shl");
    public static final LuaString SHR = LuaString.of("__shr");
    public static final LuaString BNOT = LuaString.of("__bnot");
    public static final LuaString CONCAT = LuaString.of("__concat");
    public static final LuaString LEN = LuaString.of("__len");
    public static final LuaString EQ = LuaString.of("__eq");
    public static final LuaString LT = LuaString.of("__lt");
    public static final LuaString LE = LuaString.of("__le");
    public static final LuaString TOSTRING = LuaString.of("__tostring");
    public static final LuaString NAME = LuaString.of("__name");
    public static final LuaString CLOSE = LuaString.of("__close");
    public static final LuaString METATABLE = LuaString.of("__metatable");
    public static final LuaString PAIRS = LuaString.of("__pairs");
    public static final LuaString MODE = LuaString.of("__mode");
    public static final LuaString GC = LuaString.of("__gc");

    private MetaNames() {}
}
