package io.careroute.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The solve queue's lanes and quotas, {@code careroute.lanes.*}. Same-day re-plans solve in an urgent lane of their
 * own, beside the full solves ({@code careroute.max-jobs}, {@code careroute.queue-size}), so a dispatcher's re-plan
 * never waits behind a kitchen's 30-second solves. In each lane one organisation may hold at most a share of the
 * places (solving and waiting), so one organisation's burst leaves room for the others.
 *
 * @param urgentMaxJobs     re-plans solving at once on each instance, besides its full solves (one core each)
 * @param urgentQueueSize   re-plans waiting, over all instances; one more is refused with 429
 * @param organisationShare the share of a lane's places (solving and waiting) one organisation may hold, in (0, 1];
 *                          1: no quota. At least one place each, whatever the share.
 */
@ConfigurationProperties("careroute.lanes")
public record LaneProperties(
        @DefaultValue("2") int urgentMaxJobs,
        @DefaultValue("10") int urgentQueueSize,
        @DefaultValue("0.5") double organisationShare) {

    public LaneProperties {
        if (urgentMaxJobs < 1) {
            throw new IllegalArgumentException("careroute.lanes.urgent-max-jobs must be at least 1, not "
                    + urgentMaxJobs);
        }
        if (urgentQueueSize < 0) {
            throw new IllegalArgumentException("careroute.lanes.urgent-queue-size must be 0 or more, not "
                    + urgentQueueSize);
        }
        if (!(organisationShare > 0 && organisationShare <= 1)) {
            throw new IllegalArgumentException("careroute.lanes.organisation-share must be more than 0 and at most 1, "
                    + "not " + organisationShare);
        }
    }

    /** The defaults: two urgent solver places, ten waiting, half of each lane per organisation. */
    public static LaneProperties defaults() {
        return new LaneProperties(2, 10, 0.5);
    }

    /** Places (solving and waiting) one organisation may hold in a lane of {@code places} places. */
    public int quota(int places) {
        return Math.max(1, (int) Math.ceil(places * organisationShare - 1e-9));
    }
}
