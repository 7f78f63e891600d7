package io.careroute.data.replan;

import static io.careroute.data.replan.ChangeListTest.at;
import static io.careroute.data.replan.ChangeListTest.plan;
import static io.careroute.data.replan.ChangeListTest.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.replan.EventsDocument.Event;
import io.careroute.data.replan.EventsDocument.Type;
import org.junit.jupiter.api.Test;

/** A two-worker visit is frozen, cancelled and reported as one visit, though it sits on two routes. */
class TwoWorkerReplanTest {

    static final String PROBLEM = """
            {"date": "2026-11-24", "coordinateSystem": "WGS84",
             "elders": [{"id": "E1", "location": {"lat": 31.23, "lon": 121.47}},
                        {"id": "E2", "location": {"lat": 31.231, "lon": 121.471}}],
             "workers": [
               {"id": "C1", "role": "CARE_WORKER", "mode": "FOOT", "start": {"lat": 31.23, "lon": 121.47},
                "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T17:00:00+08:00"}]},
               {"id": "C2", "role": "CARE_WORKER", "mode": "FOOT", "start": {"lat": 31.23, "lon": 121.47},
                "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T17:00:00+08:00"}]}],
             "visits": [
               {"id": "V1", "elderId": "E1", "type": "BATHING", "durationMinutes": 30, "workersNeeded": 2,
                "windows": [{"start": "2026-11-24T09:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]},
               {"id": "X", "elderId": "E2", "type": "CHECK_IN", "durationMinutes": 30,
                "windows": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]}]}
            """;

    static Stop visit(String id, String arrival, String start) {
        return new Stop(StopKind.VISIT, id, null, ChangeListTest.HERE, 300, 300, at(arrival), at(start),
                at(start).plusMinutes(30), 0, 0);
    }

    static Stop end(String at) {
        return new Stop(StopKind.END, null, null, ChangeListTest.HERE, 300, 300, at(at), at(at), at(at), 0, 0);
    }

    /** C1 waits at home for the 10:00 bath; C2 checks on E2 first and is already walking to the bath at 09:50. */
    static PlanDocument published() {
        PlanDocument.WorkerRoute c1 = route("C1", visit("V1", "10:00", "10:00"), end("10:35"));
        PlanDocument.WorkerRoute c2 = route("C2", visit("X", "09:00", "09:00"), visit("V1#2", "09:35", "10:00"), end("10:35"));
        c1 = new PlanDocument.WorkerRoute(c1.id(), c1.mode(), 0, c1.shift(), c1.shifts(), at("09:55"), c1.stops(), c1.totals());
        c2 = new PlanDocument.WorkerRoute(c2.id(), c2.mode(), 0, c2.shift(), c2.shifts(), at("08:55"), c2.stops(), c2.totals());
        return plan(List.of(c1, c2), List.of());
    }

    static ProblemDocument problem() {
        return ProblemJson.read(PROBLEM.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whenOneWorkerIsOnTheWayToATwoWorkerVisitBothPartsAreFrozen() {
        PreparedReplan prepared = ReplanPreparation.prepare(problem(), published(),
                new EventsDocument(at("09:50"), List.of()));

        assertThat(prepared.frozenStops().get("C2")).extracting(Stop::taskId).containsExactly("X", "V1#2", null);
        // C1 has not left home yet, but cannot be re-planned away from a bath C2 is walking to.
        assertThat(prepared.frozenStops().get("C1")).extracting(Stop::taskId).containsExactly("V1", null);
        assertThat(prepared.frozenTaskIds()).contains("V1", "V1#2");
        assertThat(prepared.openProblem().visitsOrEmpty()).extracting(VisitDoc::id).doesNotContain("V1");
    }

    @Test
    void beforeAnyoneSetsOffBothPartsStayOpen() {
        PreparedReplan prepared = ReplanPreparation.prepare(problem(), published(),
                new EventsDocument(at("08:30"), List.of()));

        assertThat(prepared.frozenTaskIds()).doesNotContain("V1", "V1#2");
        assertThat(prepared.openProblem().visitsOrEmpty()).extracting(VisitDoc::id).contains("V1");
        assertThat(prepared.warmRoutes().get("C1")).containsExactly("V1");
        assertThat(prepared.warmRoutes().get("C2")).containsExactly("X", "V1#2");
    }

    @Test
    void cancellingATwoWorkerVisitTakesBothWorkersOffIt() {
        PreparedReplan prepared = ReplanPreparation.prepare(problem(), published(),
                new EventsDocument(at("08:30"), List.of(new Event(Type.CANCEL, null, null, null, "V1", null))));

        assertThat(prepared.fullProblem().visitsOrEmpty()).extracting(VisitDoc::id).containsExactly("X");
        assertThat(prepared.warmRoutes().get("C1")).isEmpty();
        assertThat(prepared.warmRoutes().get("C2")).containsExactly("X");
    }

    @Test
    void theSecondWorkersPartStandsForTheVisitInADoneOrCancelEvent() {
        // The records name the part a worker checked in at ("V1#2" for C2): the visit is done, both parts with it.
        PreparedReplan done = ReplanPreparation.prepare(problem(), published(),
                new EventsDocument(at("08:30"), List.of(new Event(Type.DONE, null, null, null, "V1#2", null))));
        assertThat(done.frozenTaskIds()).contains("V1", "V1#2");
        assertThat(done.openProblem().visitsOrEmpty()).extracting(VisitDoc::id).doesNotContain("V1");

        PreparedReplan cancelled = ReplanPreparation.prepare(problem(), published(),
                new EventsDocument(at("08:30"), List.of(new Event(Type.CANCEL, null, null, null, "V1#2", null))));
        assertThat(cancelled.fullProblem().visitsOrEmpty()).extracting(VisitDoc::id).containsExactly("X");

        // A "#2" of a one-worker visit is still unknown, named as given.
        assertThatThrownBy(() -> ReplanPreparation.prepare(problem(), published(),
                new EventsDocument(at("08:30"), List.of(new Event(Type.DONE, null, null, null, "X#2", null)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field(Messages.english())).isEqualTo("events[0].taskId");
                    assertThat(e.errors().get(0).reason(Messages.english())).contains("X#2");
                });
    }

    @Test
    void aWorkerWhoDropsOutIsNotHeldToTheVisitTheyAreWaitingFor() {
        // At 09:50 C2 is at the door of the 10:00 bath, but calls in sick from 09:50: the bath is open again.
        PreparedReplan prepared = ReplanPreparation.prepare(problem(), published(),
                new EventsDocument(at("09:50"), List.of(new Event(Type.WORKER_UNAVAILABLE, null, "C2", at("09:50"), null, null))));

        assertThat(prepared.frozenStops().get("C2")).extracting(Stop::taskId).containsExactly("X");
        assertThat(prepared.frozenTaskIds()).doesNotContain("V1", "V1#2");
        assertThat(prepared.openProblem().visitsOrEmpty()).extracting(VisitDoc::id).contains("V1");
    }
}
