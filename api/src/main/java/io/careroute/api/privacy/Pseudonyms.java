package io.careroute.api.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An elder's id as the audit trail keeps it: {@code p:} and a keyed hash (HMAC-SHA-256, 16 bytes) of organisation and
 * id. The trail is append-only and must outlive an erasure; holding only this, it has nothing of an erased elder left
 * to read, while an ADMIN asking about an elder still in the register finds their entries (the same hash).
 */
public final class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pseudonym key must be at least 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String of(String organisationId, String elderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal((organisationId + "\u0000" + elderId).getBytes(StandardCharsets.UTF_8));
            return "p:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
