package io.careroute.solver.domain;

import static io.careroute.solver.fixtures.Fixtures.H8;
import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.route;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;

/** Two-worker visits tie routes together; times computed by hand on a street walked at 1 m/s. */
class LinkedRoutesTest {

    private static final LineTravelTimes STREET = new LineTravelTimes(0, 400, 800, 1200, 1600);

    private static Task[] pair(String id, int place) {
        Task lead = visit(id, place).serviceSeconds(1800).partOf(id, 1).build();
        Task second = visit(id + "#2", place).serviceSeconds(1800).partOf(id, 2).build();
        Task.pair(lead, second);
        return new Task[] {lead, second};
    }

    @Test
    void theEarlierWorkerWaitsAndBothStartTogether() {
        Worker c1 = careWorker("C1").startsAt(0).build();
        Worker c2 = careWorker("C2").startsAt(2).build();
        Task x = visit("X", 3).serviceSeconds(1800).build();
        Task[] v = pair("V1", 1);
        route(c1, x, v[0]);
        route(c2, v[1]);

        Map<Task, ScheduledStop> stops = LinkedRoutes.schedule(LinkedRoutes.component(List.of(c2)), STREET);

        // C1: leaves home at 8:00, walks 1200 m to X, 30 min there, then 800 m back to the elder at 400 m.
        assertThat(stops.get(x).start()).isEqualTo(H8 + 1200);
        int together = H8 + 1200 + 1800 + 800;
        assertThat(stops.get(v[0]).arrival()).isEqualTo(together);
        assertThat(stops.get(v[0]).start()).isEqualTo(together);
        // C2 could be there at 8:00 but starts with C1; as its first stop of the day it leaves home in time.
        assertThat(stops.get(v[1]).start()).isEqualTo(together);
        assertThat(stops.get(v[1]).arrival()).isEqualTo(together);
        assertThat(stops.get(v[1]).routeDeparture()).isEqualTo(together - 400);
        assertThat(stops.values()).noneMatch(ScheduledStop::partnerDeadlock);
        // Alone, C2 would have started at 8:06:40, 400 m from home.
        assertThat(RouteScheduler.simulate(c2, List.of(v[1]), STREET).get(0).start()).isEqualTo(H8 + 400);
    }

    @Test
    void aLaterStopWaitsForTheSynchronisedStartBeforeIt() {
        Worker c1 = careWorker("C1").startsAt(0).build();
        Worker c2 = careWorker("C2").startsAt(4).build();
        Task[] v = pair("V1", 1);
        Task after = visit("Y", 2).serviceSeconds(600).build();
        route(c1, v[0], after);
        route(c2, v[1]);

        Map<Task, ScheduledStop> stops = LinkedRoutes.schedule(LinkedRoutes.component(List.of(c1)), STREET);

        // C2 walks 1200 m from 1600 m: the visit starts at 8:20 for both, ends 8:50; Y is 400 m on.
        assertThat(stops.get(v[0]).start()).isEqualTo(H8 + 1200);
        assertThat(stops.get(v[1]).start()).isEqualTo(H8 + 1200);
        assertThat(stops.get(after).arrival()).isEqualTo(H8 + 1200 + 1800 + 400);
    }

    @Test
    void routesWaitingForEachOtherAreMarkedAsDeadlocked() {
        Worker c1 = careWorker("C1").build();
        Worker c2 = careWorker("C2").build();
        Task[] a = pair("A", 1);
        Task[] b = pair("B", 2);
        Task free = visit("F", 3).build();
        route(c1, free, a[0], b[0]);
        route(c2, b[1], a[1]);

        Map<Task, ScheduledStop> stops = LinkedRoutes.schedule(LinkedRoutes.component(List.of(c1)), STREET);

        assertThat(stops).hasSize(5);
        assertThat(stops.get(free).partnerDeadlock()).isFalse();
        for (Task part : List.of(a[0], a[1], b[0], b[1])) {
            assertThat(stops.get(part).partnerDeadlock()).as(part.getId()).isTrue();
        }
    }

    @Test
    void bothPartsOnOneWorkerAreNotSynchronised() {
        Worker c1 = careWorker("C1").build();
        Task[] v = pair("V1", 1);
        route(c1, v[0], v[1]);
        assertThat(LinkedRoutes.component(List.of(c1))).containsExactly(c1);
        Map<Task, ScheduledStop> stops = LinkedRoutes.schedule(List.of(c1), STREET);
        assertThat(stops.get(v[1]).start()).isEqualTo(stops.get(v[0]).end());
    }

    // ---- Gapped two-worker visits (hhcrsp) ----

    @Test
    void aGappedSecondPartWaitsForTheMinimumGap() {
        Worker c1 = careWorker("C1").startsAt(0).build();
        Worker c2 = careWorker("C2").startsAt(1).build();
        Task lead = visit("G1", 1).serviceSeconds(1800).partOf("G1", 1).build();
        Task second = visit("G1#2", 1).serviceSeconds(600).partOf("G1", 2).afterPartner(1800, 3600).build();
        Task.pair(lead, second);
        route(c1, lead);
        route(c2, second);

        Map<Task, ScheduledStop> stops = LinkedRoutes.schedule(LinkedRoutes.component(List.of(c1)), STREET);

        // C1 walks 400 m and starts at 8:06:40; C2 (at the elder's door) starts 30 min after, not at 8:00.
        assertThat(stops.get(lead).start()).isEqualTo(H8 + 400);
        assertThat(stops.get(second).start()).isEqualTo(H8 + 400 + 1800);
        assertThat(Task.gapBreak(lead, stops.get(lead).start(), second, stops.get(second).start())).isZero();
    }

    @Test
    void aLateSecondPartHoldsTheFirstBackToKeepTheMaximumGap() {
        Worker c1 = careWorker("C1").startsAt(1).build();
        Worker c2 = careWorker("C2").startsAt(0).build();
        Task x = visit("X", 4).serviceSeconds(3600).build();
        Task lead = visit("G1", 1).serviceSeconds(600).partOf("G1", 1).build();
        Task second = visit("G1#2", 1).serviceSeconds(600).partOf("G1", 2).afterPartner(0, 600).build();
        Task.pair(lead, second);
        route(c1, lead);
        route(c2, x, second);

        Map<Task, ScheduledStop> stops = LinkedRoutes.schedule(LinkedRoutes.component(List.of(c1)), STREET);

        // C2: 1600 m to X, an hour there, 1200 m back: at the elder at 8:00 + 6400 s; C1 starts at most 10 min before.
        int secondStart = H8 + 1600 + 3600 + 1200;
        assertThat(stops.get(second).start()).isEqualTo(secondStart);
        assertThat(stops.get(lead).start()).isEqualTo(secondStart - 600);
    }

    @Test
    void aPassedSoftWindowEndIsLateButNotShifted() {
        Worker c1 = careWorker("C1").startsAt(0).build();
        Task soft = visit("S", 4).serviceSeconds(600).window(H8, H8 + 1000).softWindowEnd(true).build();
        ScheduledStop stop = RouteScheduler.simulate(c1, List.of(soft), STREET).get(0);
        assertThat(stop.start()).isEqualTo(H8 + 1600);
        assertThat(stop.lateSeconds()).isEqualTo(600);
        assertThat(RouteFeasibility.stopFeasible(c1, soft, stop)).isTrue();
    }
}
