package io.careroute.data.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.plan.PlanDocument.TaskOutcome;
import io.careroute.data.plan.PlanDocument.WorkerRoute;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.solver.domain.TaskKind;
import io.careroute.solver.domain.TravelMode;
import org.junit.jupiter.api.Test;

class ChangeListTest {

    static final LocationDoc HERE = new LocationDoc(31.23, 121.47);

    static OffsetDateTime at(String hhmm) {
        return OffsetDateTime.parse("2026-11-24T" + hhmm + ":00+08:00");
    }

    static Stop visit(String id, String start) {
        return new Stop(StopKind.VISIT, id, null, HERE, 0, 0, at(start), at(start), at(start).plusMinutes(30), 0, 0);
    }

    static WorkerRoute route(String worker, Stop... stops) {
        WindowDoc shift = new WindowDoc(at("08:00"), at("17:00"));
        return new WorkerRoute(worker, TravelMode.FOOT, 0, shift, List.of(shift), at("08:00"), List.of(stops),
                new PlanDocument.RouteTotals(stops.length, 0, 0, 0, 0, null));
    }

    static PlanDocument plan(List<WorkerRoute> routes, List<String> unassigned) {
        List<TaskOutcome> tasks = new ArrayList<>();
        for (WorkerRoute r : routes) {
            for (Stop s : r.stops()) {
                tasks.add(new TaskOutcome(s.taskId(), TaskKind.VISIT, "E", List.of(), 1800, null, null, null, r.id(), null, List.of()));
            }
        }
        unassigned.forEach(id -> tasks.add(new TaskOutcome(id, TaskKind.VISIT, "E", List.of(), 1800, null, null, null, null, "x", List.of())));
        return new PlanDocument("0hard/0medium/0soft", true, "Asia/Shanghai", CoordinateSystemName.WGS84, null, routes, tasks, List.of());
    }

    @Test
    void listsExactlyTheMovedRetimedAddedRemovedAndUnassignedTasks() {
        PlanDocument before = plan(List.of(
                route("C1", visit("V1", "09:00"), visit("V2", "10:00"), visit("V3", "11:00")),
                route("C2", visit("V4", "09:00"), visit("V5", "10:00"))), List.of("V6"));
        PlanDocument after = plan(List.of(
                // V1 untouched; V9 new before V2, V2 keeps its time: not a change; V3 later: retimed.
                route("C1", visit("V1", "09:00"), visit("V9", "09:30"), visit("V2", "10:00"), visit("V3", "11:30")),
                // V4 moved to C2 <- stays; V6 (was unassigned) now served by C2; V5 gone unassigned.
                route("C2", visit("V4", "09:00"), visit("V6", "13:00"))), List.of("V5"));
        // V7 was cancelled: in neither plan's tasks after.
        PlanDocument beforeWithCancelled = plan(List.of(
                route("C1", visit("V1", "09:00"), visit("V2", "10:00"), visit("V3", "11:00")),
                route("C2", visit("V4", "09:00"), visit("V5", "10:00"), visit("V7", "15:00"))), List.of("V6"));

        List<Change> changes = ChangeList.between(beforeWithCancelled, after);

        assertThat(changes).extracting(Change::taskId, Change::change).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("V3", Change.Kind.RETIMED),
                org.assertj.core.groups.Tuple.tuple("V5", Change.Kind.UNASSIGNED),
                org.assertj.core.groups.Tuple.tuple("V6", Change.Kind.MOVED),
                org.assertj.core.groups.Tuple.tuple("V7", Change.Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("V9", Change.Kind.ADDED));
        Change v6 = changes.stream().filter(c -> c.taskId().equals("V6")).findFirst().orElseThrow();
        assertThat(v6.fromWorker()).isNull();
        assertThat(v6.toWorker()).isEqualTo("C2");
        assertThat(ChangeList.between(before, before)).isEmpty();
    }

    @Test
    void aSwapOfTwoTasksAtTheSameTimesIsAnOrderChange() {
        PlanDocument before = plan(List.of(route("C1", visit("V1", "09:00"), visit("V2", "10:00"))), List.of());
        PlanDocument after = plan(List.of(route("C1", visit("V2", "09:00"), visit("V1", "10:00"))), List.of());
        assertThat(ChangeList.between(before, after)).extracting(Change::taskId).containsExactlyInAnyOrder("V1", "V2");
    }
}
