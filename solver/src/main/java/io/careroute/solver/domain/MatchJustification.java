package io.careroute.solver.domain;

import java.util.Comparator;
import java.util.List;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why one match of a constraint costs what it costs, as facts a dispatcher recognises: the task, the worker, how
 * much (minutes late, boxes over...) and, for windows, the agreed times. The solver holds no text: readers turn
 * {@link #messageKey()} and these fields into a sentence in the dispatcher's language. OptaPlanner builds these only
 * when a score is explained, never while solving.
 *
 * @param taskId   the task (for a whole route's rule, its last task; null for a worker-level rule)
 * @param workerId the worker it is on (null when unassigned)
 * @param amount   how far the rule is broken, in {@code unit}
 * @param otherId  a second party where the rule has one: the pinned, published or paired worker (else null)
 * @param windows  the task's windows, for the time-window rule (else empty)
 */
public record MatchJustification(CareConstraint constraint, String taskId, String workerId, long amount, Unit unit,
                                 String otherId, List<TimeWindow> windows)
        implements ConstraintJustification, Comparable<MatchJustification> {

    /** What {@link #amount()} counts. */
    public enum Unit {
        SECONDS, METRES, BOXES, COUNT, POINTS
    }

    private static final Comparator<MatchJustification> ORDER = Comparator
            .comparing(MatchJustification::constraint)
            .thenComparing(Comparator.comparingLong(MatchJustification::amount).reversed())
            .thenComparing(MatchJustification::taskId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MatchJustification::workerId, Comparator.nullsFirst(Comparator.naturalOrder()));

    public MatchJustification {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    public static MatchJustification of(CareConstraint constraint, Task task, long amount, Unit unit) {
        return of(constraint, task, amount, unit, null);
    }

    public static MatchJustification of(CareConstraint constraint, Task task, long amount, Unit unit, String otherId) {
        return new MatchJustification(constraint, task.getId(), task.getWorker() == null || task.getWorker().isUnassignedHolder()
                ? null : task.getWorker().getId(), amount, unit, otherId, List.of());
    }

    public static MatchJustification of(CareConstraint constraint, Worker worker, long amount, Unit unit) {
        return new MatchJustification(constraint, null, worker.getId(), amount, unit, null, List.of());
    }

    public MatchJustification withWindows(List<TimeWindow> taskWindows) {
        return new MatchJustification(constraint, taskId, workerId, amount, unit, otherId, taskWindows);
    }

    /** Message key of this match's sentence (arguments: see the data module's reader). */
    public String messageKey() {
        return constraint.messageKey();
    }

    /** Largest first within a constraint, so a shortened list keeps the worst breaks. */
    @Override
    public int compareTo(MatchJustification other) {
        return ORDER.compare(this, other);
    }
}
