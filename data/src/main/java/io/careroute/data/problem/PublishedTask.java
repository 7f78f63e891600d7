package io.careroute.data.problem;

import java.time.OffsetDateTime;

/**
 * Where and when the published plan had an open task: in a re-plan, what the model charges a change against
 * (the factory reads it; the re-plan preparation makes it).
 */
public record PublishedTask(String workerId, OffsetDateTime start) {
}
