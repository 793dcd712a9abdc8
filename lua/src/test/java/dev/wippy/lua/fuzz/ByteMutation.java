package dev.wippy.lua.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    public static Arbitrary<List<ByteMutation>> lists(List<String> tokens, int maxSpan) {
        Arbitrary<byte[]> bytes = Arbitraries.of(tokens).map(t -> t.getBytes(StandardCharsets.ISO_8859_1));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1 << 20),
                        Arbitraries.integers().between(1, maxSpan), bytes)
                .as(ByteMutation::new).list().ofMinSize(1).ofMaxSize(4);
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
