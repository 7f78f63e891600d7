package io.careroute.solver.domain;

public enum TaskKind {
    /** A meal delivery: picked up at a kitchen, handed over at the elder's door. */
    DELIVERY,
    /** A home visit: check-in, cleaning, bathing, escort, errand, repair, emergency help. */
    VISIT
}
