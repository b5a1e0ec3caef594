package io.mlplane.training.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A stable fingerprint of a plan body, for idempotent submits: SHA-256 over a canonical form (map keys sorted,
 * secrets as their redacted text, so no secret ever feeds the hash).
 */
public final class SpecHash {

    private SpecHash() {
    }

    /** The hex SHA-256 of {@code body}'s canonical form. */
    public static String of(Map<String, Object> body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical(body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.entrySet().stream().sorted((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())))
                    .forEach(e -> out.append(e.getKey()).append('=').append(canonical(e.getValue())).append(';'));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(item -> out.append(canonical(item)).append(';'));
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
