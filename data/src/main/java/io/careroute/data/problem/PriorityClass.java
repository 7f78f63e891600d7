package io.careroute.data.problem;

/** How vulnerable an elder is; decides who is served first when not everyone can be. */
public enum PriorityClass {
    DISABLED(6),
    VERY_OLD(5),
    ALONE(4),
    HARDSHIP(3),
    EMPTY_NEST(2),
    REGULAR(1);

    private final int weight;

    PriorityClass(int weight) {
        this.weight = weight;
    }

    /** Relative cost of leaving this elder unserved, by default (a deployment may set its own: PlanWeights). */
    public int weight() {
        return weight;
    }
}
