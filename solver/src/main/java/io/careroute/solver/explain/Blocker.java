package io.careroute.solver.explain;

/** Why one worker cannot take one task, in terms a dispatcher recognises. */
public enum Blocker {
    /** The worker lacks a required skill or certificate. */
    MISSING_SKILL,
    /** The elder asked for a worker of the other gender. */
    WRONG_GENDER,
    /** The elder refused this worker. */
    REFUSED,
    /** The task is pinned to somebody else. */
    PINNED_ELSEWHERE,
    /** A volunteer who helps only near home: the door is farther than the distance they agreed to. */
    TOO_FAR_FROM_HOME,
    /** The order has more boxes than the worker can carry. */
    CAPACITY,
    /** Even going straight there from the start of the shift, the worker arrives after the window. */
    CANNOT_REACH_IN_WINDOW,
    /** The service cannot fit inside the worker's shifts. */
    OUTSIDE_SHIFT,
    /** The worker could not get back by the end of the shift. */
    CANNOT_RETURN_BY_SHIFT_END,
    /** The home is too far from the kitchen for the meal to arrive hot. */
    HOT_FOOD_TOO_FAR,
    /** Possible alone, but every place in the worker's route makes some stop late or overruns the shift. */
    ROUTE_FULL,
    /** A feasible place in this worker's route exists: the solve stopped before it found it. */
    FEASIBLE_NOT_FOUND
}
