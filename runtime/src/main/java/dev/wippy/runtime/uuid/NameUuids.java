package dev.wippy.runtime.uuid;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs: version 3 hashes with MD5, version 5 with SHA-1 (RFC 9562 §5.3, §5.5). Unlike
 * {@link UUID#nameUUIDFromBytes}, the namespace is part of the hash, so the results match other implementations.
 */
final class NameUuids {
    private NameUuids() {
    }

    static UUID v3(UUID namespace, byte[] name) throws NoSuchAlgorithmException {
        return of(namespace, name, "MD5", 3);
    }

    static UUID v5(UUID namespace, byte[] name) throws NoSuchAlgorithmException {
        return of(namespace, name, "SHA-1", 5);
    }

    private static UUID of(UUID namespace, byte[] name, String algorithm, int version)
            throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        digest.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(name));
        long msb = (hash.getLong() & ~0xF000L) | (long) version << 12;
        long lsb = (hash.getLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
