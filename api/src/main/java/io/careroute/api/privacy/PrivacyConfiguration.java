package io.careroute.api.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.config.PrivacyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys. In production (not careroute.demo) a server without CAREROUTE_DATA_KEY and CAREROUTE_PSEUDONYM_KEY
 * refuses to start, saying what to set: it would otherwise keep health data readable to anyone with the database.
 * The demo alone falls back to fixed keys everyone can read in this source, and says so at start-up.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);
    static final String DEMO_KEY_ID = "demo";

    @Bean
    DataCipher dataCipher(PrivacyProperties privacy, CareRouteProperties properties) {
        if (blank(privacy.dataKey())) {
            if (!properties.demo()) {
                throw refusal("CAREROUTE_DATA_KEY", "the key that seals elders' health data at rest: "
                        + "<id>:<base64 of 32 random bytes>, e.g. k1:$(openssl rand -base64 32)");
            }
            log.warn("Demo: personal data sealed with the fixed demo key, not for real elders' data");
            return new DataCipher(DEMO_KEY_ID, Map.of(DEMO_KEY_ID, demoBytes("careroute demo data key")));
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (!blank(privacy.previousDataKeys())) {
            for (String key : privacy.previousDataKeys().split(",")) {
                put(keys, key.strip(), "CAREROUTE_PREVIOUS_DATA_KEYS");
            }
        }
        String current = put(keys, privacy.dataKey().strip(), "CAREROUTE_DATA_KEY");
        if (properties.demo()) {
            keys.putIfAbsent(DEMO_KEY_ID, demoBytes("careroute demo data key"));   // what an earlier demo run sealed
        }
        return new DataCipher(current, keys);
    }

    @Bean
    Pseudonyms pseudonyms(PrivacyProperties privacy, CareRouteProperties properties) {
        if (blank(privacy.pseudonymKey())) {
            if (!properties.demo()) {
                throw refusal("CAREROUTE_PSEUDONYM_KEY", "the key that turns elders' ids into the audit trail's "
                        + "pseudonyms: base64 of 32 random bytes, e.g. $(openssl rand -base64 32); never change it");
            }
            return new Pseudonyms(demoBytes("careroute demo pseudonym key"));
        }
        return new Pseudonyms(decode(privacy.pseudonymKey().strip(), "CAREROUTE_PSEUDONYM_KEY"));
    }

    /** Adds {@code id:base64} to the ring; returns the id. */
    private static String put(Map<String, byte[]> keys, String key, String variable) {
        int colon = key.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException(variable + " must be <id>:<base64 of 32 bytes>, e.g. k2:...");
        }
        String id = key.substring(0, colon);
        if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
            throw new IllegalStateException(variable + ": a key id is 1-16 letters, digits, - or _");
        }
        byte[] bytes = decode(key.substring(colon + 1), variable);
        if (bytes.length != 32) {
            throw new IllegalStateException(variable + ": key " + id + " must be 32 bytes, not " + bytes.length);
        }
        keys.put(id, bytes);
        return id;
    }

    private static byte[] decode(String base64, String variable) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not base64");
        }
    }

    private static IllegalStateException refusal(String variable, String what) {
        String message = "careroute will not start in production without " + variable + " (" + what
                + "). Set it, or run with --demo for the demo street only.";
        log.error("\n==================== careroute: REFUSED TO START ====================\n{}\n"
                + "======================================================================", message);
        return new IllegalStateException(message);
    }

    private static byte[] demoBytes(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
