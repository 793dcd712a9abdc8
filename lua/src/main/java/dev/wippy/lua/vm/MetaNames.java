package dev.wippy.lua.vm;

/** Metamethod event names. */
public final class MetaNames {
    public static final LuaString INDEX = LuaString.of("__index").intern();
    public static final LuaString NEWINDEX = LuaString.of("__newindex").intern();
    public static final LuaString CALL = LuaString.of("__call").intern();
    public static final LuaString ADD = LuaString.of("__add").intern();
    public static final LuaString SUB = LuaString.of("__sub").intern();
    public static final LuaString MUL = LuaString.of("__mul").intern();
    public static final LuaString DIV = LuaString.of("__div").intern();
    public static final LuaString MOD = LuaString.of("__mod").intern();
    public static final LuaString POW = LuaString.of("__pow").intern();
    public static final LuaString IDIV = LuaString.of("__idiv").intern();
    public static final LuaString UNM = LuaString.of("__unm").intern();
    public static final LuaString BAND = LuaString.of("__band").intern();
    public static final LuaString BOR = LuaString.of("__bor").intern();
    public static final LuaString BXOR = LuaString.of("__bxor").intern();
    public static final LuaString SHL = LuaString.of("__shl").intern();
    public static final LuaString SHR = LuaString.of("__shr").intern();
    public static final LuaString BNOT = LuaString.of("__bnot").intern();
    public static final LuaString CONCAT = LuaString.of("__concat").intern();
    public static final LuaString LEN = LuaString.of("__len").intern();
    public static final LuaString EQ = LuaString.of("__eq").intern();
    public static final LuaString LT = LuaString.of("__lt").intern();
    public static final LuaString LE = LuaString.of("__le").intern();
    public static final LuaString TOSTRING = LuaString.of("__tostring").intern();
    public static final LuaString NAME = LuaString.of("__name").intern();
    public static final LuaString CLOSE = LuaString.of("__close").intern();
    public static final LuaString METATABLE = LuaString.of("__metatable").intern();
    public static final LuaString PAIRS = LuaString.of("__pairs").intern();
    public static final LuaString MODE = LuaString.of("__mode").intern();
    public static final LuaString GC = LuaString.of("__gc").intern();

    private MetaNames() {}
}
