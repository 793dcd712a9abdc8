package dev.wippy.data.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wippy.data.codec.HashModule;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact JWS tokens (spec 08 §8.4): HS256/384/512 with a shared secret, RS256 with PEM keys; header and claims
 * written as JSON with sorted keys. Verification checks the algorithm, the signature, {@code exp} and {@code nbf}.
 */
final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);
    private static final Map<String, String> HMAC = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384", "HS512",
            "HmacSHA512");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {
    }

    /** A token failing verification; its message says why. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The algorithm a name stands for: unknown names silently mean HS256. */
    static String algorithm(String alg) {
        return alg != null && (HMAC.containsKey(alg) || alg.equals("RS256")) ? alg : "HS256";
    }

    static String encode(Map<String, Object> claims, Map<String, Object> extraHeader, byte[] key, String alg)
            throws GeneralSecurityException {
        Map<String, Object> header = new TreeMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        header.putAll(extraHeader);
        try {
            String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64.encodeToString(JSON.writeValueAsBytes(new TreeMap<>(claims)));
            return signingInput + "." + B64.encodeToString(sign(signingInput, key, alg));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GeneralSecurityException("cannot write the token: " + e.getOriginalMessage());
        }
    }

    private static byte[] sign(String input, byte[] key, String alg) throws GeneralSecurityException {
        byte[] data = input.getBytes(StandardCharsets.US_ASCII);
        if (alg.equals("RS256")) {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(PemKeys.privateKey(new String(key, StandardCharsets.UTF_8)));
            sig.update(data);
            return sig.sign();
        }
        return HashModule.mac(HMAC.get(alg), key, data);
    }

    /** The claims of a valid token. */
    static ObjectNode verify(String token, byte[] key, String alg, boolean requireExp, long nowSeconds)
            throws Invalid {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Invalid("token is malformed");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!alg.equals(header.path("alg").asText())) {
                throw new Invalid("unexpected signing method: " + header.path("alg").asText());
            }
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            String input = parts[0] + "." + parts[1];
            boolean valid;
            if (alg.equals("RS256")) {
                Signature sig = Signature.getInstance("SHA256withRSA");
                sig.initVerify(PemKeys.publicKey(new String(key, StandardCharsets.UTF_8)));
                sig.update(input.getBytes(StandardCharsets.US_ASCII));
                valid = sig.verify(signature);
            } else {
                valid = MessageDigest.isEqual(sign(input, key, alg), signature);
            }
            if (!valid) {
                throw new Invalid("signature is invalid");
            }
            if (!(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])) instanceof ObjectNode claims)) {
                throw new Invalid("claims are not an object");
            }
            JsonNode exp = claims.get("exp");
            if (exp == null && requireExp) {
                throw new Invalid("token has no expiry (exp)");
            }
            if (exp != null && (!exp.isNumber() || exp.asDouble() <= nowSeconds)) {
                throw new Invalid("token is expired");
            }
            JsonNode nbf = claims.get("nbf");
            if (nbf != null && (!nbf.isNumber() || nbf.asDouble() > nowSeconds)) {
                throw new Invalid("token is not valid yet");
            }
            return claims;
        } catch (java.io.IOException | IllegalArgumentException | GeneralSecurityException e) {
            throw new Invalid("token is malformed: " + e.getMessage());
        }
    }
}
