package io.careroute.data.replan;

import java.time.OffsetDateTime;

/** One line of {@code changes.json}: a task whose worker, order or start time changed. */
public record Change(String taskId, Kind change, String fromWorker, String toWorker, OffsetDateTime oldStart,
                     OffsetDateTime newStart) {

    public enum Kind { MOVED, RETIMED, ADDED, REMOVED, UNASSIGNED }
}
