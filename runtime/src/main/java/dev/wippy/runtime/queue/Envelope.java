package dev.wippy.runtime.queue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A message as drivers store it: an ID, the body encoded by the queue's codec, and string headers. Immutable, so a
 * driver may hand the same envelope to every redelivery.
 */
public record Envelope(String id, byte[] body, Map<String, String> headers) {
    /** Random per runtime, so IDs from two runs of an app do not collide in a backend that outlives them. */
    private static final String PREFIX = HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A new message ID; a counter rather than a random UUID keeps publishing cheap. */
    static String newId() {
        return PREFIX + "-" + Long.toHexString(SEQUENCE.incrementAndGet());
    }
}
