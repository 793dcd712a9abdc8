package dev.wippy.lua.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * One edit of a file's bytes, for fuzzing parsers and decoders with mutated samples (Lua sources here, definition
 * files and payloads in the runtime's and the workflow module's tests). Positions are taken modulo the current
 * length, so any generated edit applies to any sample, and the edits of a list apply one after another.
 *
 * @param kind  what the edit does
 * @param at    where it starts (any non-negative number)
 * @param span  how many bytes it removes, repeats or replaces
 * @param token what it inserts, for the kinds that insert
 */
public record ByteMutation(Kind kind, int at, int span, byte[] token) {
    public enum Kind { DELETE, REPEAT, INSERT, REPLACE }

    /**
     * One to four edits whose inserted tokens are {@code tokens} (their characters taken as bytes 0-255), spans up
     * to {@code maxSpan} bytes.
     */
    public static List<ByteMutation> list(Random random, List<String> tokens, int maxSpan) {
        return SeededTries.listOf(random, 1, 4, r -> new ByteMutation(SeededTries.oneOf(r, List.of(Kind.values())),
                r.nextInt((1 << 20) + 1), r.nextInt(1, maxSpan + 1),
                SeededTries.oneOf(r, tokens).getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** {@code sample} after each of {@code mutations} in turn. */
    public static byte[] applyAll(byte[] sample, List<ByteMutation> mutations) {
        byte[] result = sample;
        for (ByteMutation m : mutations) {
            result = m.applyTo(result);
        }
        return result;
    }

    public byte[] applyTo(byte[] sample) {
        int start = at % (sample.length + 1);
        int end = Math.min(sample.length, start + span);
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length + token.length + span);
        out.write(sample, 0, start);
        switch (kind) {
            case DELETE -> {
            }
            case REPEAT -> {
                out.write(sample, start, end - start);
                out.write(sample, start, end - start);
            }
            case INSERT -> {
                out.write(token, 0, token.length);
                out.write(sample, start, end - start);
            }
            case REPLACE -> out.write(token, 0, token.length);
        }
        out.write(sample, end, sample.length - end);
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return kind + "@" + at + "+" + span + (kind == Kind.INSERT || kind == Kind.REPLACE
                ? " '" + new String(token, StandardCharsets.ISO_8859_1) + "'" : "");
    }
}
