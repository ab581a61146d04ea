package org.carereview.consult.core.crypto;

import io.micronaut.core.annotation.Nullable;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The configured keys by id, and the id new values are sealed with. Messages name ids, never key material. */
record Keys(Map<String, SecretKey> byId, String current) {

    static final int KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /**
     * Reads {@code id:base64,id:base64}.
     *
     * @throws IllegalArgumentException naming what is wrong (never a key)
     */
    static Keys parse(@Nullable String keys, @Nullable String current) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException("no encryption key is configured (CONSULT_ENCRYPTION_KEYS)");
        }
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("an encryption key is not written as id:base64");
            }
            String id = trimmed.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("an encryption key id is not 1 to 32 letters, digits, - or _");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encryption key " + id + " is not base64");
            }
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException("encryption key " + id + " is not " + KEY_BYTES + " bytes");
            }
            if (byId.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("encryption key " + id + " is listed twice");
            }
        }
        String chosen = current == null || current.isBlank() ? byId.keySet().iterator().next() : current.strip();
        if (!byId.containsKey(chosen)) {
            throw new IllegalArgumentException("the current encryption key " + chosen + " is not among the keys");
        }
        return new Keys(Collections.unmodifiableMap(byId), chosen);
    }
}
