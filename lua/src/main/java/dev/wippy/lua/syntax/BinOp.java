package dev.wippy.lua.syntax;

/** Binary operators with their Lua 5.4 precedence (left and right binding power). */
public enum BinOp {
    OR("or", 1, 1), AND("and", 2, 2),
    LT("<", 3, 3), GT(">", 3, 3), LE("<=", 3, 3), GE(">=", 3, 3), NE("~=", 3, 3), EQ("==", 3, 3),
    BOR("|", 4, 4), BXOR("~", 5, 5), BAND("&", 6, 6), SHL("<<", 7, 7), SHR(">>", 7, 7),
    CONCAT("..", 9, 8),
    ADD("+", 10, 10), SUB("-", 10, 10),
    MUL("*", 11, 11), DIV("/", 11, 11), IDIV("//", 11, 11), MOD("%", 11, 11),
    POW("^", 14, 13);

    /** Priority of unary operators, between the multiplicative operators and {@code ^}. */
    public static final int UNARY_PRIORITY = 12;

    public final String symbol;
    public final int left;
    public final int right;

    BinOp(String symbol, int left, int right) {
        this.symbol = symbol;
        this.left = left;
        this.right = right;
    }
}
