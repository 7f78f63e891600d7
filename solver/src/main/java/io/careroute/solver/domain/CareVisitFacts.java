package io.careroute.solver.domain;

/**
 * What a visit of a multi-day plan owes to its care plan: which plan it is one visit of, and how many days apart
 * its visits must be (a check-in twice a week is no use on Monday and Tuesday).
 */
public record CareVisitFacts(String carePlanId, int minDaysApart) {
}
