package io.careroute.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.careroute.api.store.AccessStore;
import io.careroute.api.store.ApiKey;
import io.careroute.api.store.Role;
import org.springframework.stereotype.Component;

/**
 * API keys: 256 random bits, shown once. Only their SHA-256 is stored: a key has too much entropy to guess, so a
 * slow password hash would only slow every request down.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "cr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessStore store;

    private final Clock clock;

    public ApiKeys(AccessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new key and its secret, which is not kept. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String organisationId, String name, Role role, String workerId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Created(store(organisationId, name, role, workerId, secret), secret);
    }

    /** Stores a key whose secret the operator chose (the one-time bootstrap key). */
    public ApiKey store(String organisationId, String name, Role role, String workerId, String secret) {
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), organisationId, name, secret.substring(0, Math.min(10, secret.length())),
                role, workerId, clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        store.createApiKey(key, hash(secret));
        return key;
    }

    /** The caller a key stands for, unless it is unknown or revoked. */
    Optional<Caller> authenticate(String secret) {
        return store.activeKey(hash(secret))
                .map(key -> new Caller(key.organisationId(), key.name(), key.role(), key.workerId(), true, key.id()));
    }

    boolean exists(String secret) {
        return store.keyExists(hash(secret));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
