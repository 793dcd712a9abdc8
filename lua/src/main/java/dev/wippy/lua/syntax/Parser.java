package dev.wippy.lua.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Lua 5.4 plus the Wippy type-annotation grammar (spec 06 §2), with PUC's error
 * messages. Expressions use PUC's priority-climbing scheme; the disambiguation rules D1-D16 of the spec are noted
 * where they apply.
 */
public final class Parser {
    private static final int MAX_DEPTH = 200;
    /** PUC's limits on the locals a function has in scope at once, and on its registers. */
    private static final int MAX_LOCALS = 200;
    private static final int MAX_REGISTERS = 255;

    private final Lexer lex;
    private final String chunk;
    private int depth;
    /** Locals of the function being parsed that are in scope (PUC counts its internal loop variables too). */
    private int activeLocals;
    /** Line of the function being parsed; 0 for the main function. */
    private int functionLine;
    /** Whether the function being parsed takes {@code ...} (the main chunk does). */
    private boolean inVararg = true;

    private Parser(byte[] source, String chunk) {
        this.lex = new Lexer(source, chunk);
        this.chunk = chunk;
    }

    /** Parses a chunk; {@code chunkName} is the name shown in messages. */
    public static Chunk parse(byte[] source, String chunkName) {
        Parser p = new Parser(source, chunkName);
        Block body = p.block();
        if (!p.lex.current().is(Tok.EOF)) {
            throw p.lex.error("<eof> expected", p.lex.current());
        }
        return new Chunk(chunkName, body);
    }

    // ---------------------------------------------------------------- helpers

    private Token cur() {
        return lex.current();
    }

    private Token peek(int k) {
        return lex.peek(k);
    }

    private boolean at(Tok k) {
        return cur().is(k);
    }

    private boolean accept(Tok k) {
        if (at(k)) {
            lex.next();
            return true;
        }
        return false;
    }

    private Token expect(Tok k) {
        if (!at(k)) {
            throw expected(k == Tok.NAME ? "<name>" : "'" + k.text + "'");
        }
        return lex.next();
    }

    private LuaSyntaxError expected(String what) {
        return lex.error(what + " expected", cur());
    }

    private LuaSyntaxError error(String msg) {
        return lex.error(msg, cur());
    }

    /** PUC's {@code check_match}: names the opening token when it is on another line. */
    private void expectMatch(Tok what, Tok who, int where) {
        if (at(what)) {
            lex.next();
            return;
        }
        if (where == cur().line()) {
            throw expected("'" + what.text + "'");
        }
        throw error("'" + what.text + "' expected (to close '" + who.text + "' at line " + where + ")");
    }

    private String name() {
        return (String) expect(Tok.NAME).value();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("C stack overflow");
        }
    }

    private void leave() {
        depth--;
    }

    /** Declares {@code n} more locals in the current scope. */
    private void declareLocals(int n) {
        activeLocals += n;
        if (activeLocals > MAX_LOCALS) {
            String where = functionLine == 0 ? "main function" : "function at line " + functionLine;
            throw error("too many local variables (limit is " + MAX_LOCALS + ") in " + where);
        }
    }

    private boolean blockFollow(boolean withUntil) {
        return switch (cur().kind()) {
            case ELSE, ELSEIF, END, EOF -> true;
            case UNTIL -> withUntil;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- blocks and statements

    private Block block() {
        enter();
        int locals = activeLocals;
        List<Stat> stats = new ArrayList<>();
        while (!blockFollow(true)) {
            if (at(Tok.RETURN)) {
                stats.add(returnStat());
                break;
            }
            Stat s = statement();
            if (s != null) {
                stats.add(s);
            }
        }
        leave();
        activeLocals = locals;
        return new Block(List.copyOf(stats), cur().line());
    }

    private Stat.Return returnStat() {
        int line = lex.next().line();
        List<Expr> values = List.of();
        if (!blockFollow(true) && !at(Tok.SEMI)) {
            values = exprList();
        }
        accept(Tok.SEMI);
        return new Stat.Return(line, values);
    }

    private Stat statement() {
        Token t = cur();
        int line = t.line();
        switch (t.kind()) {
            case SEMI -> {
                lex.next();
                return null;
            }
            case IF -> {
                return ifStat(line);
            }
            case WHILE -> {
                lex.next();
                Expr cond = expr();
                expect(Tok.DO);
                Block body = block();
                expectMatch(Tok.END, Tok.WHILE, line);
                return new Stat.While(line, cond, body);
            }
            case DO -> {
                lex.next();
                Block body = block();
                expectMatch(Tok.END, Tok.DO, line);
                return new Stat.Do(line, body);
            }
            case FOR -> {
                return forStat(line);
            }
            case REPEAT -> {
                lex.next();
                Block body = block();
                expectMatch(Tok.UNTIL, Tok.REPEAT, line);
                Expr cond = expr();
                return new Stat.Repeat(line, body, cond);
            }
            case FUNCTION -> {
                return functionStat(line);
            }
            case LOCAL -> {
                lex.next();
                if (at(Tok.FUNCTION)) {
                    int fline = lex.next().line();
                    String name = name();
                    declareLocals(1);
                    return new Stat.LocalFunction(line, name, funcBody(fline, false));
                }
                return localStat(line);
            }
            case DBCOLON -> {
                lex.next();
                String label = name();
                expect(Tok.DBCOLON);
                return new Stat.Label(line, label);
            }
            case RETURN -> throw new IllegalStateException("return is handled by block()");
            case BREAK -> {
                lex.next();
                return new Stat.Break(line);
            }
            case GOTO -> {
                lex.next();
                return new Stat.Goto(line, name());
            }
            default -> {
                // D1: 'type' / 'interface' followed by a name start a declaration
                if (t.isWord("type") && peek(1).is(Tok.NAME)) {
                    return typeDecl(line);
                }
                if (t.isWord("interface") && peek(1).is(Tok.NAME)) {
                    return interfaceDecl(line);
                }
                return exprStat(line);
            }
        }
    }

    private Stat ifStat(int line) {
        List<Expr> conds = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        lex.next();
        conds.add(expr());
        expect(Tok.THEN);
        blocks.add(block());
        while (at(Tok.ELSEIF)) {
            lex.next();
            conds.add(expr());
            expect(Tok.THEN);
            blocks.add(block());
        }
        Block orElse = null;
        if (accept(Tok.ELSE)) {
            orElse = block();
        }
        expectMatch(Tok.END, Tok.IF, line);
        return new Stat.If(line, List.copyOf(conds), List.copyOf(blocks), orElse);
    }

    private Stat forStat(int line) {
        lex.next();
        String first = name();
        if (at(Tok.ASSIGN)) {
            lex.next();
            Expr start = expr();
            expect(Tok.COMMA);
            Expr limit = expr();
            Expr step = accept(Tok.COMMA) ? expr() : null;
            expect(Tok.DO);
            Block body = loopBody(3 + 1);
            expectMatch(Tok.END, Tok.FOR, line);
            return new Stat.NumericFor(line, first, start, limit, step, body);
        }
        if (at(Tok.COMMA) || at(Tok.IN)) {
            List<String> names = new ArrayList<>();
            names.add(first);
            while (accept(Tok.COMMA)) {
                names.add(name());
            }
            expect(Tok.IN);
            List<Expr> values = exprList();
            expect(Tok.DO);
            Block body = loopBody(4 + names.size());
            expectMatch(Tok.END, Tok.FOR, line);
            return new Stat.GenericFor(line, List.copyOf(names), values, body);
        }
        throw expected("'=' or 'in'");
    }

    /** A for loop's body, with the loop's variables (and PUC's internal ones) in scope. */
    private Block loopBody(int variables) {
        int locals = activeLocals;
        declareLocals(variables);
        Block body = block();
        activeLocals = locals;
        return body;
    }

    private Stat functionStat(int line) {
        int fline = lex.next().line();
        List<String> path = new ArrayList<>();
        path.add(name());
        String method = null;
        while (at(Tok.DOT)) {
            lex.next();
            path.add(name());
        }
        if (accept(Tok.COLON)) {
            method = name();
        }
        return new Stat.FunctionStat(line, List.copyOf(path), method, funcBody(fline, method != null));
    }

    private Stat localStat(int line) {
        List<Stat.LocalName> names = new ArrayList<>();
        boolean hasClose = false;
        do {
            Token nt = expect(Tok.NAME);
            Stat.Attrib attrib = Stat.Attrib.NONE;
            if (at(Tok.LT)) {
                lex.next();
                String attr = name();
                expect(Tok.GT);
                attrib = switch (attr) {
                    case "const" -> Stat.Attrib.CONST;
                    case "close" -> Stat.Attrib.CLOSE;
                    default -> throw new LuaSyntaxError(chunk, lex.lastLine, 0, "unknown attribute '" + attr + "'",
                            null);
                };
                if (attrib == Stat.Attrib.CLOSE) {
                    if (hasClose) {
                        throw new LuaSyntaxError(chunk, lex.lastLine, 0,
                                "multiple to-be-closed variables in local list", null);
                    }
                    hasClose = true;
                }
            }
            TypeExpr type = accept(Tok.COLON) ? type() : null;
            declareLocals(1);
            names.add(new Stat.LocalName(nt.line(), (String) nt.value(), attrib, type));
        } while (accept(Tok.COMMA));
        List<Expr> values = accept(Tok.ASSIGN) ? exprList() : List.of();
        return new Stat.Local(line, List.copyOf(names), values);
    }

    private Stat exprStat(int line) {
        Expr e = suffixedExpr();
        if (at(Tok.ASSIGN) || at(Tok.COMMA)) {
            List<Expr> targets = new ArrayList<>();
            targets.add(checkAssignable(e));
            // PUC parses each further target one C level deeper, until the values are read
            while (accept(Tok.COMMA)) {
                enter();
                targets.add(checkAssignable(suffixedExpr()));
            }
            expect(Tok.ASSIGN);
            List<Expr> values = exprList();
            for (int i = 1; i < targets.size(); i++) {
                leave();
            }
            return new Stat.Assign(line, List.copyOf(targets), values);
        }
        if (!(e instanceof Expr.Call) && !(e instanceof Expr.MethodCall)) {
            throw error("syntax error");
        }
        return new Stat.CallStat(line, e);
    }

    private Expr checkAssignable(Expr e) {
        if (!(e instanceof Expr.Name) && !(e instanceof Expr.Index)) {
            throw error("syntax error");
        }
        return e;
    }

    private Stat typeDecl(int line) {
        lex.next();
        String name = name();
        List<TypeParam> params = typeParams();
        expect(Tok.ASSIGN);
        return new Stat.TypeDecl(line, name, params, type());
    }

    private Stat interfaceDecl(int line) {
        lex.next();
        String name = name();
        List<String> parents = new ArrayList<>();
        if (accept(Tok.COLON)) {
            do {
                parents.add(name());
            } while (accept(Tok.COMMA));
        }
        List<Stat.InterfaceMethod> methods = new ArrayList<>();
        while (at(Tok.FUNCTION)) {
            int mline = lex.next().line();
            String mname = name();
            Token open = expect(Tok.LPAREN);
            List<Param> params = new ArrayList<>();
            if (!at(Tok.RPAREN)) {
                do {
                    Token pn = expect(Tok.NAME);
                    params.add(new Param(pn.line(), (String) pn.value(), accept(Tok.COLON) ? type() : null));
                } while (accept(Tok.COMMA));
            }
            expectMatch(Tok.RPAREN, Tok.LPAREN, open.line());
            List<TypeExpr> results = accept(Tok.COLON) ? retTypes() : null;
            methods.add(new Stat.InterfaceMethod(mline, mname, List.copyOf(params), results));
        }
        expectMatch(Tok.END, Tok.FUNCTION, line);
        return new Stat.InterfaceDecl(line, name, List.copyOf(parents), List.copyOf(methods));
    }

    /** {@code [TypeParams] ( parlist ) [: RetTypes] block end}; {@code line} is the 'function' keyword's. */
    private FuncBody funcBody(int line, boolean isMethod) {
        List<TypeParam> typeParams = at(Tok.LT) ? typeParams() : List.of();
        expect(Tok.LPAREN);
        List<Param> params = new ArrayList<>();
        boolean vararg = false;
        TypeExpr varargType = null;
        if (!at(Tok.RPAREN)) {
            do {
                if (at(Tok.DOTS)) {
                    lex.next();
                    vararg = true;
                    varargType = accept(Tok.COLON) ? type() : null;
                    break;
                }
                if (!at(Tok.NAME)) {
                    throw expected("<name>");
                }
                Token pn = lex.next();
                params.add(new Param(pn.line(), (String) pn.value(), accept(Tok.COLON) ? type() : null));
            } while (accept(Tok.COMMA));
        }
        expect(Tok.RPAREN);
        List<TypeExpr> results = accept(Tok.COLON) ? retTypes() : null;
        boolean enclosingVararg = inVararg;
        int enclosingLocals = activeLocals;
        int enclosingLine = functionLine;
        inVararg = vararg;
        activeLocals = 0;
        functionLine = line;
        declareLocals(params.size() + (isMethod ? 1 : 0));
        Block body = block();
        inVararg = enclosingVararg;
        activeLocals = enclosingLocals;
        functionLine = enclosingLine;
        int endLine = cur().line();
        expectMatch(Tok.END, Tok.FUNCTION, line);
        return new FuncBody(line, endLine, typeParams, isMethod, List.copyOf(params), vararg, varargType, results,
                body);
    }

    // ---------------------------------------------------------------- expressions

    private List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (accept(Tok.COMMA)) {
            list.add(expr());
        }
        return List.copyOf(list);
    }

    /**
     * A call's arguments. PUC puts the function and each argument in a register of its own above the locals, and a
     * function has at most {@value #MAX_REGISTERS}.
     */
    private List<Expr> argumentList() {
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (accept(Tok.COMMA)) {
            if (activeLocals + 1 + list.size() >= MAX_REGISTERS) {
                throw error("function or expression needs too many registers");
            }
            list.add(expr());
        }
        return List.copyOf(list);
    }

    Expr expr() {
        return subExpr(0);
    }

    private Expr subExpr(int limit) {
        enter();
        Expr left;
        UnOp unop = unaryOp(cur().kind());
        if (unop != null) {
            int line = lex.next().line();
            Expr operand = subExpr(BinOp.UNARY_PRIORITY);
            left = new Expr.Unary(line, unop, operand);
        } else {
            left = postfix(simpleExpr());
        }
        BinOp op = binaryOp(cur().kind());
        while (op != null && op.left > limit) {
            int line = lex.next().line();
            Expr right = subExpr(op.right);
            left = new Expr.Binary(line, op, left, right);
            op = binaryOp(cur().kind());
        }
        leave();
        return left;
    }

    /** The postfix operators {@code !}, {@code as T} and {@code :: T} (spec §2.3.2, D5-D7). */
    private Expr postfix(Expr e) {
        while (true) {
            Token t = cur();
            if (t.is(Tok.BANG)) {
                lex.next();
                e = new Expr.NonNil(t.line(), e);
            } else if (t.isWord("as") && startsType(peek(1))) {
                lex.next();
                e = new Expr.Cast(t.line(), e, simpleType(false));
            } else if (t.is(Tok.DBCOLON) && !isLabelAhead()) {
                lex.next();
                e = new Expr.Cast(t.line(), e, simpleType(false));
            } else {
                return e;
            }
        }
    }

    /** D6: {@code :: Name ::} on one line is a label that ends the expression. */
    private boolean isLabelAhead() {
        Token a = cur();
        Token b = peek(1);
        Token c = peek(2);
        return b.is(Tok.NAME) && c.is(Tok.DBCOLON) && a.line() == b.line() && b.line() == c.line();
    }

    private static UnOp unaryOp(Tok t) {
        return switch (t) {
            case NOT -> UnOp.NOT;
            case MINUS -> UnOp.NEG;
            case TILDE -> UnOp.BNOT;
            case HASH -> UnOp.LEN;
            default -> null;
        };
    }

    private static BinOp binaryOp(Tok t) {
        return switch (t) {
            case PLUS -> BinOp.ADD;
            case MINUS -> BinOp.SUB;
            case STAR -> BinOp.MUL;
            case PERCENT -> BinOp.MOD;
            case CARET -> BinOp.POW;
            case SLASH -> BinOp.DIV;
            case IDIV -> BinOp.IDIV;
            case AMP -> BinOp.BAND;
            case PIPE -> BinOp.BOR;
            case TILDE -> BinOp.BXOR;
            case SHL -> BinOp.SHL;
            case SHR -> BinOp.SHR;
            case CONCAT -> BinOp.CONCAT;
            case NE -> BinOp.NE;
            case EQ -> BinOp.EQ;
            case LT -> BinOp.LT;
            case LE -> BinOp.LE;
            case GT -> BinOp.GT;
            case GE -> BinOp.GE;
            case AND -> BinOp.AND;
            case OR -> BinOp.OR;
            default -> null;
        };
    }

    private Expr simpleExpr() {
        Token t = cur();
        int line = t.line();
        switch (t.kind()) {
            case FLT -> {
                lex.next();
                return new Expr.Flt(line, (Double) t.value());
            }
            case INT -> {
                lex.next();
                return new Expr.Int(line, (Long) t.value());
            }
            case STRING -> {
                lex.next();
                return new Expr.Str(line, (byte[]) t.value());
            }
            case NIL -> {
                lex.next();
                return new Expr.Nil(line);
            }
            case TRUE -> {
                lex.next();
                return new Expr.True(line);
            }
            case FALSE -> {
                lex.next();
                return new Expr.False(line);
            }
            case DOTS -> {
                if (!inVararg) {
                    throw error("cannot use '...' outside a vararg function");
                }
                lex.next();
                return new Expr.Vararg(line);
            }
            case LBRACE -> {
                return table();
            }
            case FUNCTION -> {
                lex.next();
                return new Expr.Function(line, funcBody(line, false));
            }
            default -> {
                return suffixedExpr();
            }
        }
    }

    private Expr primaryExpr() {
        Token t = cur();
        if (t.is(Tok.NAME)) {
            lex.next();
            return new Expr.Name(t.line(), (String) t.value());
        }
        if (t.is(Tok.LPAREN)) {
            lex.next();
            Expr inner = expr();
            expectMatch(Tok.RPAREN, Tok.LPAREN, t.line());
            return new Expr.Paren(t.line(), inner);
        }
        throw error("unexpected symbol");
    }

    private Expr suffixedExpr() {
        int line = cur().line();
        Expr e = primaryExpr();
        while (true) {
            Token t = cur();
            switch (t.kind()) {
                case DOT -> {
                    lex.next();
                    Token key = expect(Tok.NAME);
                    e = new Expr.Index(t.line(), e, new Expr.Str(key.line(), ((String) key.value()).getBytes(
                            java.nio.charset.StandardCharsets.ISO_8859_1)));
                }
                case LBRACKET -> {
                    lex.next();
                    Expr key = expr();
                    expect(Tok.RBRACKET);
                    e = new Expr.Index(t.line(), e, key);
                }
                case COLON -> {
                    lex.next();
                    String method = name();
                    e = new Expr.MethodCall(line, e, method, callArgs(line));
                }
                case LPAREN, STRING, LBRACE -> e = new Expr.Call(line, e, callArgs(line));
                default -> {
                    return e;
                }
            }
        }
    }

    private List<Expr> callArgs(int line) {
        Token t = cur();
        switch (t.kind()) {
            case STRING -> {
                lex.next();
                return List.of(new Expr.Str(t.line(), (byte[]) t.value()));
            }
            case LBRACE -> {
                return List.of(table());
            }
            case LPAREN -> {
                lex.next();
                List<Expr> args = at(Tok.RPAREN) ? List.of() : argumentList();
                expectMatch(Tok.RPAREN, Tok.LPAREN, line);
                return args;
            }
            default -> throw error("function arguments expected");
        }
    }

    private Expr table() {
        Token open = expect(Tok.LBRACE);
        List<TableField> fields = new ArrayList<>();
        while (!at(Tok.RBRACE)) {
            Token t = cur();
            if (t.is(Tok.NAME) && peek(1).is(Tok.ASSIGN)) {
                lex.next();
                lex.next();
                fields.add(new TableField.Named(t.line(), (String) t.value(), expr()));
            } else if (t.is(Tok.LBRACKET)) {
                lex.next();
                Expr key = expr();
                expect(Tok.RBRACKET);
                expect(Tok.ASSIGN);
                fields.add(new TableField.Keyed(t.line(), key, expr()));
            } else {
                fields.add(new TableField.Positional(expr()));
            }
            if (!accept(Tok.COMMA) && !accept(Tok.SEMI)) {
                break;
            }
        }
        expectMatch(Tok.RBRACE, Tok.LBRACE, open.line());
        return new Expr.Table(open.line(), List.copyOf(fields));
    }

    // ---------------------------------------------------------------- types

    /** Tokens that can start a type (D7, D8, D11). */
    private static boolean startsType(Token t) {
        return switch (t.kind()) {
            case NAME, STRING, INT, FLT, NIL, TRUE, FALSE, LBRACE, LPAREN -> true;
            default -> false;
        };
    }

    private TypeExpr type() {
        enter();
        Token start = cur();
        if (!startsType(start)) {
            throw error("type expected");
        }
        TypeExpr first = simpleType(false);
        TypeExpr result;
        if (cur().isWord("extends") && startsType(peek(1))) {
            lex.next();
            TypeExpr ext = simpleType(true);
            expect(Tok.QUESTION);
            TypeExpr then = type();
            expect(Tok.COLON);
            TypeExpr otherwise = type();
            result = new TypeExpr.Conditional(start.line(), start.column(), first, ext, then, otherwise);
        } else {
            result = unionOrIntersection(first, start);
        }
        leave();
        return result;
    }

    /** {@code |} and {@code &} bind equally, left to right: {@code A | B & C} is {@code (A | B) & C}. */
    private TypeExpr unionOrIntersection(TypeExpr first, Token start) {
        TypeExpr acc = first;
        while (at(Tok.PIPE) || at(Tok.AMP)) {
            boolean union = lex.next().is(Tok.PIPE);
            TypeExpr next = simpleType(false);
            List<TypeExpr> members = new ArrayList<>();
            if (union && acc instanceof TypeExpr.Union u) {
                members.addAll(u.members());
            } else if (!union && acc instanceof TypeExpr.Intersection i) {
                members.addAll(i.members());
            } else {
                members.add(acc);
            }
            members.add(next);
            acc = union ? new TypeExpr.Union(start.line(), start.column(), List.copyOf(members))
                    : new TypeExpr.Intersection(start.line(), start.column(), List.copyOf(members));
        }
        return acc;
    }

    /**
     * {@code PrimaryType {Validator} {'?'}}. In a conditional's {@code extends} operand, a '?' followed by something
     * that can start a type belongs to the conditional (D8).
     */
    private TypeExpr simpleType(boolean extendsOperand) {
        Token start = cur();
        if (!startsType(start)) {
            throw error("type expected");
        }
        TypeExpr t = primaryType();
        if (at(Tok.AT)) {
            List<TypeExpr.Validator> validators = new ArrayList<>();
            while (at(Tok.AT)) {
                Token at = lex.next();
                String name = name();
                List<Expr> args = List.of();
                if (at(Tok.LPAREN)) {
                    Token open = lex.next();
                    args = at(Tok.RPAREN) ? List.of() : exprList();
                    expectMatch(Tok.RPAREN, Tok.LPAREN, open.line());
                }
                validators.add(new TypeExpr.Validator(at.line(), at.column(), name, args));
            }
            t = new TypeExpr.Validated(start.line(), start.column(), t, List.copyOf(validators));
        }
        while (at(Tok.QUESTION)) {
            if (extendsOperand && startsType(peek(1))) {
                break;
            }
            lex.next();
            t = new TypeExpr.Optional(start.line(), start.column(), t);
        }
        return t;
    }

    private TypeExpr primaryType() {
        Token start = cur();
        TypeExpr t = atomType();
        while (at(Tok.LBRACKET)) {
            lex.next();
            if (accept(Tok.RBRACKET)) {
                t = new TypeExpr.Array(start.line(), start.column(), t);
            } else {
                TypeExpr key = type();
                expect(Tok.RBRACKET);
                t = new TypeExpr.Indexed(start.line(), start.column(), t, key);
            }
        }
        return t;
    }

    private TypeExpr atomType() {
        Token t = cur();
        int line = t.line();
        int col = t.column();
        switch (t.kind()) {
            case NIL -> {
                lex.next();
                return new TypeExpr.Literal(line, col, null);
            }
            case TRUE -> {
                lex.next();
                return new TypeExpr.Literal(line, col, Boolean.TRUE);
            }
            case FALSE -> {
                lex.next();
                return new TypeExpr.Literal(line, col, Boolean.FALSE);
            }
            case STRING, INT, FLT -> {
                lex.next();
                return new TypeExpr.Literal(line, col, t.value());
            }
            case LBRACE -> {
                return tableType();
            }
            case LPAREN -> {
                return parenType();
            }
            case NAME -> {
                Token next = peek(1);
                if (t.isWord("readonly") && next.is(Tok.LBRACE)) {
                    lex.next();
                    return new TypeExpr.Readonly(line, col, tableType());
                }
                if (t.isWord("interface") && next.is(Tok.LBRACE)) {
                    lex.next();
                    return new TypeExpr.Interface(line, col, tableType());
                }
                if (t.isWord("typeof") && next.is(Tok.LPAREN)) {
                    lex.next();
                    Token open = lex.next();
                    Expr e = expr();
                    expectMatch(Tok.RPAREN, Tok.LPAREN, open.line());
                    return new TypeExpr.Typeof(line, col, e);
                }
                if (t.isWord("keyof") && next.is(Tok.LPAREN)) {
                    lex.next();
                    Token open = lex.next();
                    TypeExpr inner = type();
                    expectMatch(Tok.RPAREN, Tok.LPAREN, open.line());
                    return new TypeExpr.Keyof(line, col, inner);
                }
                if (t.isWord("fun") && next.is(Tok.LPAREN)) {
                    lex.next();
                    return funType(line, col);
                }
                if (t.isWord("asserts") && next.is(Tok.NAME)) {
                    lex.next();
                    String name = name();
                    TypeExpr is = null;
                    if (cur().isWord("is") && startsType(peek(1))) {
                        lex.next();
                        is = type();
                    }
                    return new TypeExpr.Asserts(line, col, name, is);
                }
                return typeRef();
            }
            default -> throw error("type expected");
        }
    }

    private TypeExpr typeRef() {
        Token start = cur();
        List<String> path = new ArrayList<>();
        path.add(name());
        while (at(Tok.DOT) && peek(1).is(Tok.NAME)) {
            lex.next();
            path.add(name());
        }
        List<TypeExpr> args = List.of();
        if (at(Tok.LT)) {
            lex.next();
            List<TypeExpr> list = new ArrayList<>();
            do {
                list.add(type());
            } while (accept(Tok.COMMA));
            closeAngle();
            args = List.copyOf(list);
        }
        return new TypeExpr.Ref(start.line(), start.column(), List.copyOf(path), args);
    }

    /** D4: a {@code >>} or {@code >=} closing type arguments gives up one {@code >}. */
    private void closeAngle() {
        Token t = cur();
        if (t.is(Tok.GT)) {
            lex.next();
        } else if (t.is(Tok.SHR)) {
            lex.replaceCurrent(new Token(Tok.GT, t.line(), t.column() + 1, null, null));
        } else if (t.is(Tok.GE)) {
            lex.replaceCurrent(new Token(Tok.ASSIGN, t.line(), t.column() + 1, null, null));
        } else {
            throw expected("'>'");
        }
    }

    /** D9: decides between empty record, map, record and array from the tokens after '{'. */
    private TypeExpr tableType() {
        Token open = expect(Tok.LBRACE);
        int line = open.line();
        int col = open.column();
        if (accept(Tok.RBRACE)) {
            return new TypeExpr.Record(line, col, List.of());
        }
        TypeExpr result;
        if (at(Tok.LBRACKET)) {
            lex.next();
            TypeExpr key = type();
            expect(Tok.RBRACKET);
            expect(Tok.COLON);
            TypeExpr value = type();
            result = new TypeExpr.Map(line, col, key, value);
        } else if (at(Tok.NAME) && (peek(1).is(Tok.COLON) || (peek(1).is(Tok.QUESTION) && peek(2).is(Tok.COLON)))) {
            List<TypeExpr.RecordField> fields = new ArrayList<>();
            while (at(Tok.NAME)) {
                Token fn = lex.next();
                boolean optional = accept(Tok.QUESTION);
                expect(Tok.COLON);
                fields.add(new TypeExpr.RecordField(fn.line(), fn.column(), (String) fn.value(), optional, type()));
                if (!accept(Tok.COMMA) && !accept(Tok.SEMI)) {
                    break;
                }
            }
            result = new TypeExpr.Record(line, col, List.copyOf(fields));
        } else {
            result = new TypeExpr.Array(line, col, type());
        }
        expectMatch(Tok.RBRACE, Tok.LBRACE, line);
        return result;
    }

    /** An item inside parentheses of a type: {@code Name: Type}, {@code ...[:] Type} or {@code Type}. */
    private record ParenItem(TypeExpr.FunctionTypeParam param, boolean named) {}

    private List<ParenItem> parenItems() {
        List<ParenItem> items = new ArrayList<>();
        if (at(Tok.RPAREN)) {
            return items;
        }
        do {
            if (at(Tok.DOTS)) {
                lex.next();
                accept(Tok.COLON);
                TypeExpr t = startsType(cur()) ? type() : null;
                items.add(new ParenItem(new TypeExpr.FunctionTypeParam(null, t, true), true));
            } else if (at(Tok.NAME) && peek(1).is(Tok.COLON)) {
                String n = name();
                lex.next();
                items.add(new ParenItem(new TypeExpr.FunctionTypeParam(n, type(), false), true));
            } else {
                items.add(new ParenItem(new TypeExpr.FunctionTypeParam(null, type(), false), false));
            }
        } while (accept(Tok.COMMA));
        return items;
    }

    /** D10: '(' in a type position: a function type when {@code ->} follows, else a grouping of one type. */
    private TypeExpr parenType() {
        Object r = parenResult();
        if (r instanceof ResultList) {
            throw expected("'->'");
        }
        return (TypeExpr) r;
    }

    /** A parenthesised result list, meaningful only where results are expected ({@link #results}). */
    private record ResultList(List<TypeExpr> types) {}

    private TypeExpr funType(int line, int col) {
        Token open = expect(Tok.LPAREN);
        List<ParenItem> items = parenItems();
        expectMatch(Tok.RPAREN, Tok.LPAREN, open.line());
        List<TypeExpr.FunctionTypeParam> params = new ArrayList<>();
        for (ParenItem i : items) {
            params.add(i.param());
        }
        List<TypeExpr> results = accept(Tok.COLON) ? arrowRet() : List.of();
        return new TypeExpr.Function(line, col, List.copyOf(params), results);
    }

    /** {@code ArrowRet ::= '(' ')' | '(' Type ',' Type {',' Type} ')' | Type}. */
    private List<TypeExpr> arrowRet() {
        return results(false);
    }

    /** {@code RetTypes ::= '(' ')' | '(' Type ',' Type {',' Type} ')' | Type {',' Type}}. */
    private List<TypeExpr> retTypes() {
        return results(true);
    }

    private List<TypeExpr> results(boolean unparenthesisedList) {
        if (at(Tok.LPAREN)) {
            Object r = parenResult();
            List<TypeExpr> first;
            if (r instanceof ResultList list) {
                return list.types();
            }
            TypeExpr t = continueType((TypeExpr) r);
            first = new ArrayList<>(List.of(t));
            if (unparenthesisedList) {
                while (accept(Tok.COMMA)) {
                    first.add(type());
                }
            }
            return List.copyOf(first);
        }
        List<TypeExpr> list = new ArrayList<>();
        list.add(type());
        if (unparenthesisedList) {
            while (accept(Tok.COMMA)) {
                list.add(type());
            }
        }
        return List.copyOf(list);
    }

    /** Parses '(' ... ')' in a result position: a result list, or a type that may continue. */
    private Object parenResult() {
        Token open = expect(Tok.LPAREN);
        List<ParenItem> items = parenItems();
        expectMatch(Tok.RPAREN, Tok.LPAREN, open.line());
        if (at(Tok.ARROW)) {
            lex.next();
            List<TypeExpr.FunctionTypeParam> params = new ArrayList<>();
            for (ParenItem i : items) {
                params.add(i.param());
            }
            return new TypeExpr.Function(open.line(), open.column(), List.copyOf(params), arrowRet());
        }
        boolean allUnnamed = items.stream().noneMatch(ParenItem::named);
        if (items.size() == 1 && allUnnamed) {
            return items.getFirst().param().type();
        }
        if (allUnnamed) {
            List<TypeExpr> types = new ArrayList<>();
            for (ParenItem i : items) {
                types.add(i.param().type());
            }
            return new ResultList(List.copyOf(types));
        }
        throw expected("'->'");
    }

    /** Continues a parenthesised type with suffixes, validators, '?' and '|'/'&' as in {@link #type}. */
    private TypeExpr continueType(TypeExpr t) {
        Token start = cur();
        while (at(Tok.LBRACKET)) {
            lex.next();
            if (accept(Tok.RBRACKET)) {
                t = new TypeExpr.Array(t.line(), t.column(), t);
            } else {
                TypeExpr key = type();
                expect(Tok.RBRACKET);
                t = new TypeExpr.Indexed(t.line(), t.column(), t, key);
            }
        }
        while (at(Tok.QUESTION)) {
            lex.next();
            t = new TypeExpr.Optional(t.line(), t.column(), t);
        }
        return unionOrIntersection(t, start);
    }

    private List<TypeParam> typeParams() {
        if (!at(Tok.LT)) {
            return List.of();
        }
        lex.next();
        List<TypeParam> params = new ArrayList<>();
        do {
            Token n = expect(Tok.NAME);
            params.add(new TypeParam(n.line(), n.column(), (String) n.value(), accept(Tok.COLON) ? type() : null));
        } while (accept(Tok.COMMA));
        closeAngle();
        return List.copyOf(params);
    }
}
