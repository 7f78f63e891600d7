package io.careroute.planning.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import org.junit.jupiter.api.Test;

class ReplanDisruptionTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:00:00+08:00");

    @Test
    void countsWhatTheReplanDidToTheOtherOpenVisitsOnly() {
        PlanDocument published = plan(
                route("W1", stop("DONE", -30), stop("A", 10), stop("B", 40), stop("C", 70)),
                route("W2", stop("ABSENT1", 20), stop("D", 60)),
                route("W3", stop("E", 30)));
        PlanDocument replanned = plan(
                route("W1", stop("DONE", -30), stop("A", 24), stop("ABSENT1", 40), stop("B", 56), stop("NEW", 90)),
                route("W3", stop("C", 35), stop("E", 80)));
        ReplanDisruption d = ReplanDisruption.measure(published, replanned, NOW, Set.of("ABSENT1"),
                Map.of("D", 10L, "NEW", 30L, "ABSENT1", 10L));

        // DONE started before now; ABSENT1 is the event's own. A retimed 14 min: not counted; B 16 min: counted.
        assertThat(d.otherOpen()).isEqualTo(5);
        assertThat(d.moved()).isEqualTo(1);            // C to W3
        assertThat(d.dropped()).isEqualTo(1);          // D
        assertThat(d.retimedOver15()).isEqualTo(2);    // B and E
        assertThat(d.disturbed()).isEqualTo(4);
        assertThat(d.disturbedPercent()).isEqualTo(80.0);
        // D (10) is excused by NEW (30); ABSENT1 (10) would not have been.
        assertThat(d.droppedWithoutGain()).isZero();
    }

    @Test
    void aDropIsExcusedOnlyByAStrictlyHeavierGainWhoseWeightStillOutweighsWhatItExcuses() {
        assertThat(ReplanDisruption.unexcused(List.of(10L), List.of(10L))).isEqualTo(1);
        assertThat(ReplanDisruption.unexcused(List.of(10L), List.of(11L))).isZero();
        // A disabled elder's bath (300) may take two regular check-ins' slots (10 each), not a third 300's.
        assertThat(ReplanDisruption.unexcused(List.of(10L, 10L), List.of(300L))).isZero();
        assertThat(ReplanDisruption.unexcused(List.of(100L, 100L, 100L), List.of(300L))).isEqualTo(1);
        assertThat(ReplanDisruption.unexcused(List.of(5L, 3L), List.of(4L))).isEqualTo(1);
        assertThat(ReplanDisruption.unexcused(List.of(5L, 3L), List.of(6L, 4L))).isZero();
        assertThat(ReplanDisruption.unexcused(List.of(5L), List.of())).isEqualTo(1);
    }

    private static PlanDocument plan(WorkerRoute... routes) {
        return new PlanDocument("0hard/0medium/0soft", true, "Asia/Shanghai", null, null, Arrays.asList(routes),
                List.of(), List.of());
    }

    private static WorkerRoute route(String id, Stop... stops) {
        return new WorkerRoute(id, null, 0, null, List.of(), null, Arrays.asList(stops), null);
    }

    private static Stop stop(String taskId, int minutesFromNow) {
        OffsetDateTime start = NOW.plusMinutes(minutesFromNow);
        return new Stop(StopKind.VISIT, taskId, null, null, 0, 0, start, start, start.plusMinutes(30), 0, 0);
    }
}
