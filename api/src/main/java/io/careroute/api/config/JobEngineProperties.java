package io.careroute.api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job engine's settings (db-scheduler), {@code careroute.jobs.*}. How many solves an instance runs at once is
 * {@code careroute.max-jobs}; how many may wait, over all instances, {@code careroute.queue-size}.
 *
 * @param instanceName     this instance's name in the database (who solves which plan); empty: host:pid
 * @param pollInterval     how often an instance with a free solver place looks for a queued plan
 * @param heartbeat        how often an instance tells the database that its solves are alive
 * @param missedHeartbeats after this many missed heartbeats a solve's instance is taken for dead and another
 *                         instance takes the plan over (at least 4, db-scheduler's minimum)
 */
@ConfigurationProperties("careroute.jobs")
public record JobEngineProperties(
        String instanceName,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("4") int missedHeartbeats) {

    public JobEngineProperties {
        if (instanceName == null || instanceName.isBlank()) {
            instanceName = defaultName();
        }
        if (instanceName.length() > 200) {
            throw new IllegalArgumentException("careroute.jobs.instance-name must have at most 200 characters");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("careroute.jobs.poll-interval must be positive, not " + pollInterval);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("careroute.jobs.heartbeat must be positive, not " + heartbeat);
        }
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException("careroute.jobs.missed-heartbeats must be at least 4, not "
                    + missedHeartbeats);
        }
    }

    /** How long an instance may stay silent before its solves are taken over. */
    public Duration deadAfter() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
