package io.careroute.api.records;

import java.util.List;

/** A worker's published route as the day goes: their stops in the published order, and how far behind they run. */
public record LiveRoute(String workerId, int delayMinutes, List<LiveStop> stops) {
}
