package io.careroute.solver.domain;

/** Stable constraint names: they appear in score breakdowns, plan files and configuration. */
public final class ConstraintNames {

    public static final String BOX_CAPACITY = "Box capacity per trip";
    public static final String TIME_WINDOW = "Time window";
    public static final String SHIFT_END = "Back by shift end";
    public static final String OUTSIDE_SHIFT = "Service inside shifts";
    public static final String HOT_FOOD = "Hot-food limit";
    public static final String REQUIRED_SKILLS = "Required skills";
    public static final String REQUIRED_GENDER = "Required worker gender";
    public static final String REFUSED_WORKER = "Refused worker";
    public static final String PINNED_WORKER = "Pinned worker";
    public static final String VOLUNTEER_HOURS = "Volunteer daily hours";
    public static final String VOLUNTEER_DISTANCE = "Volunteer distance from home";
    public static final String TWO_WORKERS_TOGETHER = "Two-worker visit together";
    public static final String UNASSIGNED_TASK = "Unassigned task";
    public static final String WORKER_USED = "Worker used";
    public static final String TRAVEL_TIME = "Travel time";
    public static final String WAITING_TIME = "Waiting time";
    public static final String FAIR_LOAD = "Fair load among paid staff";
    public static final String PREFERRED_WORKER = "Preferred worker (continuity of care)";
    public static final String CHANGED_WORKER = "Changed worker against the published plan";
    public static final String CHANGED_START = "Changed start against the published plan";

    private ConstraintNames() {
    }
}
