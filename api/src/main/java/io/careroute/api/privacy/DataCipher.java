package io.careroute.api.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data at rest with AES-256-GCM (the JDK's javax.crypto). A sealed text is
 * {@code cr1:<key id>:<base64 of 12-byte nonce + ciphertext + tag>}: it names its key, so rows sealed with an older key
 * stay readable while the re-encryption moves them to the current one. The associated data binds a ciphertext to its
 * row (table, organisation, row id): a sealed value copied into another row does not open.
 */
public final class DataCipher {

    private static final String PREFIX = "cr1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /** @param keys by id, the current one among them */
    public DataCipher(String currentId, Map<String, byte[]> keys) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalArgumentException("the current data key " + currentId + " is not among the keys");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (bytes.length != 32) {
                throw new IllegalArgumentException("data key " + id + " must be 32 bytes (AES-256), not " + bytes.length);
            }
            ring.put(id, new SecretKeySpec(bytes, "AES"));
        });
        this.currentId = currentId;
        this.keys = Map.copyOf(ring);
    }

    /** The key new data is sealed with. */
    public String currentKeyId() {
        return currentId;
    }

    /** How every text sealed with the current key begins: rows that do not begin so are for the re-encryption. */
    public String currentPrefix() {
        return PREFIX + currentId + ":";
    }

    /** A sealed value and the id of the key that sealed it (stored beside it, for the re-encryption to find). */
    public record Sealed(String text, String keyId) {
    }

    /** Seals with the current key; null stays null. */
    public Sealed seal(String plain, String context) {
        if (plain == null) {
            return new Sealed(null, null);
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new Sealed(PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out), currentId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /**
     * Opens a sealed text with the key it names; a text that is not sealed (a row stored before encryption, which the
     * re-encryption will seal) is returned as it is. Null stays null.
     *
     * @throws IllegalStateException when the named key is not configured or the text was changed or moved
     */
    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("data key " + keyId + " is not configured (CAREROUTE_PREVIOUS_DATA_KEYS)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("sealed data under key " + keyId + " does not open: changed or moved", e);
        }
    }

    /** A fixed key for tests that are not about keys. */
    public static DataCipher forTests() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return new DataCipher("test", Map.of("test", key));
    }
}
