package io.careroute.solver.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Every rule a plan is scored by, named once: the OptaPlanner name (stable: stored plans, score breakdowns and
 * tests refer to it), the score level, the default weight, the key a deployment or a request sets its weight by
 * and the message key of its dispatcher-readable explanation. The provider, the weights, the idle-constraint
 * check and the explanations all refer to these values instead of repeating the names.
 */
public enum CareConstraint {

    // ---- Hard ----
    BOX_CAPACITY("Box capacity per trip", Level.HARD, 1, "box-capacity"),
    TIME_WINDOW("Time window", Level.HARD, 1, "time-window"),
    SHIFT_END("Back by shift end", Level.HARD, 1, "shift-end"),
    OUTSIDE_SHIFT("Service inside shifts", Level.HARD, 1, "outside-shift"),
    HOT_FOOD("Hot-food limit", Level.HARD, 1, "hot-food"),
    REQUIRED_SKILLS("Required skills", Level.HARD, 1, "required-skills"),
    REQUIRED_GENDER("Required worker gender", Level.HARD, 1, "required-gender"),
    REFUSED_WORKER("Refused worker", Level.HARD, 1, "refused-worker"),
    PINNED_WORKER("Pinned worker", Level.HARD, 1, "pinned-worker"),
    /** A dispatcher's "this one first": a task pinned to a place in its worker's route. */
    PINNED_POSITION("Pinned position", Level.HARD, 1, "pinned-position"),
    VOLUNTEER_HOURS("Volunteer daily hours", Level.HARD, 1, "volunteer-hours"),
    VOLUNTEER_DISTANCE("Volunteer distance from home", Level.HARD, 1, "volunteer-distance"),
    TWO_WORKERS_TOGETHER("Two-worker visit together", Level.HARD, 1, "two-workers-together"),
    /** Multi-day plans: visits of one care plan at least its minimum number of days apart. */
    CARE_VISITS_APART("Care plan visits days apart", Level.HARD, 1, "care-visits-apart"),
    /** Multi-day plans: a worker's cap on hours in each week of the horizon (volunteers). */
    WEEKLY_HOURS("Weekly hours cap", Level.HARD, 1, "weekly-hours"),
    // ---- Soft window ends (hhcrsp): off unless a task has a soft window end ----
    /** Seconds a soft-window-end task starts after its window end, summed. */
    TARDINESS("Tardiness past soft window ends", Level.SOFT, 1, "tardiness"),
    /** The largest such tardiness of the plan, counted once more (the benchmark's Tmax). */
    MAX_TARDINESS("Largest tardiness", Level.SOFT, 1, "max-tardiness"),
    // ---- Medium ----
    UNASSIGNED_TASK("Unassigned task", Level.MEDIUM, 1, "unassigned-task"),
    /** Off by default: only the classic VRPTW objective (fewest vehicles first) counts workers. */
    WORKER_USED("Worker used", Level.MEDIUM, 0, "worker-used"),
    /** Multi-day plans: the same worker for an elder's care visits on every day. */
    CONTINUITY_OVER_DAYS("One worker for an elder over the days", Level.MEDIUM, 1, "continuity-over-days"),
    // ---- Soft ----
    TRAVEL_TIME("Travel time", Level.SOFT, 1, "travel-time"),
    WAITING_TIME("Waiting time", Level.SOFT, 1, "waiting-time"),
    FAIR_LOAD("Fair load among paid staff", Level.SOFT, 1, "fair-load"),
    PREFERRED_WORKER("Preferred worker (continuity of care)", Level.SOFT, 1, "preferred-worker"),
    /** A published task given to another worker, or left unserved: the elder has to be told. */
    CHANGED_WORKER("Changed worker against the published plan", Level.MEDIUM, 1, "changed-worker"),
    /** A published task kept by its worker but moved in time by more than a quarter of an hour: the elder is told too. */
    CHANGED_START_FAR("Start moved far from the published time", Level.MEDIUM, 1, "changed-start-far"),
    CHANGED_START("Changed start against the published plan", Level.SOFT, 1, "changed-start");

    /** The score level a constraint's weight is on by default (a deployment may still move it, e.g. "2hard"). */
    public enum Level {
        HARD, MEDIUM, SOFT;

        public HardMediumSoftLongScore of(long amount) {
            return switch (this) {
                case HARD -> HardMediumSoftLongScore.ofHard(amount);
                case MEDIUM -> HardMediumSoftLongScore.ofMedium(amount);
                case SOFT -> HardMediumSoftLongScore.ofSoft(amount);
            };
        }
    }

    private static final Map<String, CareConstraint> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CareConstraint::constraintName, Function.identity()));
    private static final Map<String, CareConstraint> BY_CONFIG_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CareConstraint::configKey, Function.identity()));

    private final String constraintName;
    private final Level level;
    private final HardMediumSoftLongScore defaultWeight;
    private final String configKey;

    CareConstraint(String constraintName, Level level, long defaultWeight, String configKey) {
        this.constraintName = constraintName;
        this.level = level;
        this.defaultWeight = level.of(defaultWeight);
        this.configKey = configKey;
    }

    /** OptaPlanner's name of the constraint (score breakdowns, plan.json, @ConstraintWeight). */
    public String constraintName() {
        return constraintName;
    }

    public Level level() {
        return level;
    }

    public HardMediumSoftLongScore defaultWeight() {
        return defaultWeight;
    }

    /** Kebab-case key in application.yml ({@code careroute.planning.weights}) and problem.json ({@code weights}). */
    public String configKey() {
        return configKey;
    }

    /** Message key of the constraint's readable title; one match's text is {@code messageKey() + ".match"}. */
    public String messageKey() {
        return "constraint." + configKey;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static CareConstraint byName(String constraintName) {
        CareConstraint constraint = BY_NAME.get(constraintName);
        if (constraint == null) {
            throw new IllegalArgumentException("unknown constraint: " + constraintName);
        }
        return constraint;
    }

    /** The constraint of a configuration key, or null: the caller names the key in its own error. */
    public static CareConstraint byConfigKey(String key) {
        return key == null ? null : BY_CONFIG_KEY.get(key);
    }

    /** The valid configuration keys, for error messages that list them. */
    public static String configKeys() {
        return Arrays.stream(values()).map(CareConstraint::configKey).collect(Collectors.joining(", "));
    }

    /**
     * Reads a weight as a deployment or a request writes it: a whole number on the constraint's own level
     * ({@code "2"}, {@code "0"} switches it off) or with its level named ({@code "1hard"}, {@code "3medium"},
     * {@code "5soft"}).
     *
     * @throws IllegalArgumentException naming what is wrong (the caller adds which key)
     */
    public HardMediumSoftLongScore parseWeight(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Level at = level;
        for (Level candidate : Level.values()) {
            String suffix = candidate.name().toLowerCase(Locale.ROOT);
            if (value.endsWith(suffix)) {
                at = candidate;
                value = value.substring(0, value.length() - suffix.length()).trim();
                break;
            }
        }
        long amount;
        try {
            amount = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a weight (a whole number, optionally followed by"
                    + " hard, medium or soft, e.g. 1hard, 3medium, 0)");
        }
        if (amount < 0) {
            // A negative weight would reward breaking the rule.
            throw new IllegalArgumentException("'" + text + "' is negative: weights are 0 or more");
        }
        return at.of(amount);
    }
}
