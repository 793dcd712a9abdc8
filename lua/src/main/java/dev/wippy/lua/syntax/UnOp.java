package dev.wippy.lua.syntax;

public enum UnOp {
    NEG("-"), NOT("not"), LEN("#"), BNOT("~");

    public final String symbol;

    UnOp(String symbol) {
        this.symbol = symbol;
    }
}
