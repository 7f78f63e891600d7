package io.careroute.solver.domain;

import static io.careroute.solver.fixtures.Fixtures.H10;
import static io.careroute.solver.fixtures.Fixtures.H11;
import static io.careroute.solver.fixtures.Fixtures.H12;
import static io.careroute.solver.fixtures.Fixtures.H13;
import static io.careroute.solver.fixtures.Fixtures.H8;
import static io.careroute.solver.fixtures.Fixtures.LUNCH;
import static io.careroute.solver.fixtures.Fixtures.carrier;
import static io.careroute.solver.fixtures.Fixtures.careWorker;
import static io.careroute.solver.fixtures.Fixtures.delivery;
import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;

/*
 * The street (e-bike 5 m/s, foot 1 m/s):
 *
 *   K1/start(0) ---- 1500 m ---- home1 ---- 1500 m ---- home2 ---- 3000 m ---- home3
 *   place 0                      place 1                place 2                place 3
 */
class RouteSchedulerTest {

    private final LineTravelTimes street = new LineTravelTimes(0, 1500, 3000, 6000);

    @Test
    void firstDeliveryGoesViaTheKitchenAndWaitsForTheBatch() {
        Worker w = carrier("W1").build();   // shift 10:00-13:00, starts at the kitchen
        Task o1 = delivery("O1", 1).build(); // window 11:00-12:00, 2 min hand-over

        ScheduledStop stop = RouteScheduler.schedule(w, null, null, o1, true, street);

        assertThat(stop.viaKitchen()).isTrue();
        assertThat(stop.kitchenArrival()).isEqualTo(H10);
        // Lunch is ready at 10:45 and loading takes 5 min, but the door opens at 11:00 (5 min away):
        // the carrier waits at the kitchen, not at the door, so the meal leaves at 10:55.
        assertThat(stop.kitchenDeparture()).isEqualTo(H11 - 300);
        assertThat(stop.arrival()).isEqualTo(H11);
        assertThat(stop.start()).isEqualTo(H11);
        assertThat(stop.secondsFromKitchen()).isEqualTo(300);
        assertThat(stop.end()).isEqualTo(H11 + 120);
        assertThat(stop.routeEnd()).isEqualTo(H11 + 120 + 300);
        assertThat(stop.tripLoad()).isEqualTo(1);
        assertThat(stop.totalTravelSeconds()).isEqualTo(600);
    }

    @Test
    void continuesTheTripWhileBoxesFitAndReloadsWhenFull() {
        Worker w = carrier("W1").capacityBoxes(3).build();
        Task o1 = delivery("O1", 1).boxes(2).build();
        Task o2 = delivery("O2", 2).boxes(1).build();
        Task o3 = delivery("O3", 3).boxes(1).build();

        List<ScheduledStop> stops = RouteScheduler.simulate(w, List.of(o1, o2, o3), street);

        assertThat(stops).extracting(ScheduledStop::viaKitchen).containsExactly(true, false, true);
        assertThat(stops).extracting(ScheduledStop::tripLoad).containsExactly(2, 3, 1);
        // O3 reloads: after O2, 3000 m back to the kitchen, 5 min loading, 6000 m out.
        int o2End = stops.get(1).end();
        assertThat(stops.get(1).end()).isEqualTo(H11 + 120 + 300 + 120);
        assertThat(stops.get(2).kitchenArrival()).isEqualTo(o2End + 600);
        assertThat(stops.get(2).arrival()).isEqualTo(o2End + 600 + 300 + 1200);
    }

    @Test
    void reloadsWhenTheNextDoorWouldBreakTheHotFoodLimit() {
        Worker w = carrier("W1").mode(io.careroute.solver.domain.TravelMode.FOOT).capacityBoxes(10)
                .shift(H10, H13 + 3600).build();
        // On foot: kitchen -> home1 25 min, home1 -> home3 75 min: the meal would be far beyond 45 minutes.
        Task o1 = delivery("O1", 1).build();
        Task o3 = delivery("O3", 3).window(H11, H13).build();

        List<ScheduledStop> stops = RouteScheduler.simulate(w, List.of(o1, o3), street);

        assertThat(stops.get(1).viaKitchen()).isTrue();
        assertThat(stops.get(1).secondsFromKitchen()).isEqualTo(6000);  // still too far: the hot-food rule will say so
    }

    @Test
    void theHotFoodClockRunsUntilHandOverNotArrival() {
        Worker w = carrier("W1").capacityBoxes(10).build();
        Task early = delivery("O1", 1).window(H11, H12).build();
        // Same trip: arriving at 11:07 but the window opens at 11:50, 55 min after leaving: reload instead.
        Task late = delivery("O2", 2).window(H12 - 600, H12 + 1800).build();

        List<ScheduledStop> stops = RouteScheduler.simulate(w, List.of(early, late), street);

        assertThat(stops.get(1).viaKitchen()).isTrue();
        assertThat(stops.get(1).start()).isEqualTo(H12 - 600);
        assertThat(stops.get(1).secondsFromKitchen()).isEqualTo(600);
    }

    @Test
    void aVisitEndsTheTripSoTheNextDeliveryReloads() {
        Worker w = careWorker("C1").capacityBoxes(5).shift(H8, H13).build();
        Task o1 = delivery("O1", 1).build();
        Task v1 = visit("V1", 1).serviceSeconds(600).window(H11, H12).build();
        Task o2 = delivery("O2", 1).window(H11, H13).build();

        List<ScheduledStop> stops = RouteScheduler.simulate(w, List.of(o1, v1, o2), street);

        assertThat(stops).extracting(ScheduledStop::viaKitchen).containsExactly(true, false, true);
        assertThat(stops.get(1).tripDeparture()).isEqualTo(-1);
    }

    @Test
    void waitsForTheNextWindowWhenTheFirstIsMissed() {
        Worker w = careWorker("C1").shift(H8, H13).build();
        Task v = visit("V1", 2).serviceSeconds(1800)
                .windows(List.of(new TimeWindow(H8, H8 + 600), new TimeWindow(H10, H11))).build();

        ScheduledStop stop = RouteScheduler.schedule(w, null, null, v, true, street);

        // 3000 m on foot would bring her at 08:50, too late for the first window: she leaves home at 09:10 instead
        // of waiting at the door.
        assertThat(stop.arrival()).isEqualTo(H10);
        assertThat(stop.routeDeparture()).isEqualTo(H10 - 3000);
        assertThat(stop.start()).isEqualTo(H10);
        assertThat(stop.waitingSeconds()).isZero();
        assertThat(stop.lateSeconds()).isZero();
    }

    @Test
    void skipsALunchBreakBetweenShifts() {
        Worker w = careWorker("C1").shifts(List.of(new TimeWindow(H8, H12), new TimeWindow(H13, 17 * 3600))).build();
        // Arrives at 11:50 (after a 3000 m walk from 11:00), an hour's visit would run into the break.
        Task v = visit("V1", 2).serviceSeconds(3600).window(H11, H13 + 1800).build();
        Task before = visit("V0", 0).serviceSeconds(0).window(H11, H11).build();

        List<ScheduledStop> stops = RouteScheduler.simulate(w, List.of(before, v), street);

        assertThat(stops.get(1).arrival()).isEqualTo(H11 + 3000);
        assertThat(stops.get(1).start()).isEqualTo(H13);
        assertThat(stops.get(1).outsideShiftSeconds()).isZero();
    }

    @Test
    void laterVisitsWaitAtTheDoorAndTheWaitIsReported() {
        Worker w = careWorker("C1").shift(H8, H13).build();
        Task first = visit("V1", 1).serviceSeconds(600).window(H8, H12).build();
        Task second = visit("V2", 1).serviceSeconds(600).window(H10, H12).build();

        List<ScheduledStop> stops = RouteScheduler.simulate(w, List.of(first, second), street);

        assertThat(stops.get(0).routeDeparture()).isEqualTo(H8);
        assertThat(stops.get(1).arrival()).isEqualTo(H8 + 1500 + 600);
        assertThat(stops.get(1).waitingSeconds()).isEqualTo(H10 - (H8 + 1500 + 600));
        assertThat(stops.get(1).routeDeparture()).isEqualTo(H8);
    }

    @Test
    void aSingleTripVehicleNeverReloadsSoOverloadShows() {
        Worker w = carrier("W1").capacityBoxes(2).singleTrip(true).build();
        List<ScheduledStop> stops = RouteScheduler.simulate(w, List.of(
                delivery("O1", 1).boxes(2).build(), delivery("O2", 2).boxes(1).build()), street);
        assertThat(stops).extracting(ScheduledStop::viaKitchen).containsExactly(true, false);
        assertThat(stops.get(1).tripLoad()).isEqualTo(3);
    }

    @Test
    void reportsLatenessWhenNoWindowCanBeMet() {
        Worker w = careWorker("C1").shift(H8, H13).build();
        Task v = visit("V1", 3).serviceSeconds(600).window(H8, H8 + 1800).build();   // 6000 m on foot = 100 min

        ScheduledStop stop = RouteScheduler.schedule(w, null, null, v, true, street);

        assertThat(stop.start()).isEqualTo(H8 + 6000);
        assertThat(stop.lateSeconds()).isEqualTo(6000 - 1800);
    }
}
