package io.careroute.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal information (docs/user-guide.md#personal-information): the keys that seal the register's sensitive data
 * at rest, the audit trail, and how long plans are kept.
 *
 * @param dataKey             the key new data is sealed with: {@code id:base64} of 32 random bytes (AES-256), from
 *                            CAREROUTE_DATA_KEY; required unless careroute.demo
 * @param previousDataKeys    older keys still read until the re-encryption has moved every row off them,
 *                            {@code id:base64[,id:base64...]}, from CAREROUTE_PREVIOUS_DATA_KEYS
 * @param pseudonymKey        base64 of at least 32 bytes: the audit trail names elders by a keyed hash of their id,
 *                            so an erased elder's id is nowhere to read; from CAREROUTE_PSEUDONYM_KEY, required unless
 *                            careroute.demo, never rotated
 * @param audit               record who read or changed what (off only to measure what it costs)
 * @param retentionDays       plans and their problems older than this many days are deleted; 0 keeps them
 * @param maintenanceInterval how often the re-encryption and the retention run
 */
@ConfigurationProperties("careroute.privacy")
public record PrivacyProperties(String dataKey, String previousDataKeys, String pseudonymKey,
                                @DefaultValue("true") boolean audit,
                                @DefaultValue("0") int retentionDays,
                                @DefaultValue("10m") Duration maintenanceInterval) {

    public PrivacyProperties {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("careroute.privacy.retention-days must be 0 (keep) or more, not "
                    + retentionDays);
        }
        if (maintenanceInterval.isNegative() || maintenanceInterval.isZero()) {
            throw new IllegalArgumentException("careroute.privacy.maintenance-interval must be positive, not "
                    + maintenanceInterval);
        }
    }
}
