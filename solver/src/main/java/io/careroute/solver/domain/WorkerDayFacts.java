package io.careroute.solver.domain;

/**
 * What a route of a multi-day plan knows beyond its own day: whose it is and which day. A week is planned as one
 * problem with a route per worker per day; these facts let the rules that span days (weekly hours, one worker for
 * an elder all week, care visits days apart) see the days of one worker together.
 *
 * @param workerId       the worker the route belongs to (the route's own id names the day too)
 * @param day            the route's date as an index into the horizon (0 = first date)
 * @param maxWeekSeconds the worker's cap on work over the horizon's weeks (volunteers); 0 for none
 */
public record WorkerDayFacts(String workerId, int day, int maxWeekSeconds) {
}
