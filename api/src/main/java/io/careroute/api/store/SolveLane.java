package io.careroute.api.store;

/**
 * The two solve queues. Full solves (a day, a week) take tens of seconds to minutes each; a same-day re-plan is
 * what a dispatcher waits for on the phone, so it has a lane of its own — its own solver places, its own waiting
 * places and its own db-scheduler table — and never waits behind full solves. A plan's lane follows from what it
 * is, so nothing needs storing: a re-plan of a published plan ({@code replan_of} set) is urgent, everything else
 * (a new day, a week, a week's re-plan) is full.
 */
public enum SolveLane {

    FULL("solve-plan", "scheduled_tasks", "replan_of is null"),
    URGENT("solve-replan", "scheduled_urgent_tasks", "replan_of is not null");

    private final String task;
    private final String table;
    private final String condition;

    SolveLane(String task, String table, String condition) {
        this.task = task;
        this.table = table;
        this.condition = condition;
    }

    /** The lane of a plan that re-plans {@code replanOf} (null for none). */
    public static SolveLane of(String replanOf) {
        return replanOf == null ? FULL : URGENT;
    }

    /** db-scheduler's task name for the lane's jobs. */
    public String task() {
        return task;
    }

    /** db-scheduler's table for the lane's jobs: one per lane, so the two schedulers never see each other's. */
    public String table() {
        return table;
    }

    /** SQL condition on table {@code plan} that selects the lane's plans. */
    String condition() {
        return condition;
    }
}
