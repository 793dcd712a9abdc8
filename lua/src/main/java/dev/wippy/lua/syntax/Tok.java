package dev.wippy.lua.syntax;

/** Token kinds: Lua 5.4's reserved words and symbols, plus the Wippy dialect's {@code -> ? ! @}. */
enum Tok {
    AND("and"), BREAK("break"), DO("do"), ELSE("else"), ELSEIF("elseif"), END("end"), FALSE("false"), FOR("for"),
    FUNCTION("function"), GOTO("goto"), IF("if"), IN("in"), LOCAL("local"), NIL("nil"), NOT("not"), OR("or"),
    REPEAT("repeat"), RETURN("return"), THEN("then"), TRUE("true"), UNTIL("until"), WHILE("while"),
    IDIV("//"), CONCAT(".."), DOTS("..."), EQ("=="), GE(">="), LE("<="), NE("~="), SHL("<<"), SHR(">>"),
    DBCOLON("::"), ARROW("->"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), CARET("^"), HASH("#"), AMP("&"), TILDE("~"),
    PIPE("|"), LT("<"), GT(">"), ASSIGN("="), LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["),
    RBRACKET("]"), SEMI(";"), COLON(":"), COMMA(","), DOT("."), QUESTION("?"), BANG("!"), AT("@"),
    NAME("<name>"), STRING("<string>"), INT("<integer>"), FLT("<number>"), EOF("<eof>");

    final String text;

    Tok(String text) {
        this.text = text;
    }

    boolean isReserved() {
        return ordinal() <= WHILE.ordinal();
    }

    private static final java.util.Map<String, Tok> RESERVED = new java.util.HashMap<>();

    static {
        for (Tok t : values()) {
            if (t.isReserved()) {
                RESERVED.put(t.text, t);
            }
        }
    }

    static Tok reserved(String word) {
        return RESERVED.get(word);
    }
}
