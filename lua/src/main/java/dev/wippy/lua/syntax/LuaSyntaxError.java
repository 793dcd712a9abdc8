package dev.wippy.lua.syntax;

/**
 * A compile-time error, structured so that an embedder can add its own context (file path, entry) when reporting
 * it. {@link #getMessage()} is PUC Lua's text: {@code chunk:line: message near 'token'}.
 *
 * @param near the offending token as PUC quotes it ({@code 'x'} or {@code <eof>}), or null when the message has
 *             no "near" part (semantic errors such as unresolved gotos).
 */
public final class LuaSyntaxError extends RuntimeException {
    private final String chunk;
    private final int line;
    private final int column;
    private final String problem;
    private final String near;

    public LuaSyntaxError(String chunk, int line, int column, String problem, String near) {
        super(chunk + (line > 0 ? ":" + line : "") + ": " + problem + (near == null ? "" : " near " + near), null,
                false, false);
        this.chunk = chunk;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.near = near;
    }

    public String chunk() {
        return chunk;
    }

    /** The line of the error, or 0 when it concerns the chunk as a whole (e.g. a bad binary chunk). */
    public int line() {
        return line;
    }

    /** 1-based column of the offending token, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The message without position and token, e.g. {@code unexpected symbol}. */
    public String problem() {
        return problem;
    }

    public String near() {
        return near;
    }
}
