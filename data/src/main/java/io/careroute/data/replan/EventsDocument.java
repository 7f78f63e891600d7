package io.careroute.data.replan;

import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.data.problem.VisitDoc;

/**
 * {@code events.json}: what happened since the plan was published (docs/INTERFACES.md). {@code at} is "now":
 * everything that started before it is frozen.
 */
public record EventsDocument(OffsetDateTime at, List<Event> events) {

    /** {@code PIN}: a dispatcher gives visit {@code taskId} to worker {@code workerId} (a hard rule from then on). */
    public enum Type { NEW_VISIT, WORKER_UNAVAILABLE, CANCEL, DELAY, DONE, PIN }

    /** One event; which fields it needs depends on its type. */
    public record Event(Type type, VisitDoc visit, String workerId, OffsetDateTime from, String taskId, Integer minutes) {
    }

    public List<Event> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }
}
