package io.careroute.data.replan;

import static io.careroute.data.replan.ChangeListTest.HERE;
import static io.careroute.data.replan.ChangeListTest.at;
import static io.careroute.data.replan.ChangeListTest.plan;
import static io.careroute.data.replan.ChangeListTest.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.WorkerDoc;
import org.junit.jupiter.api.Test;

/** Faults the review found in the same-day re-plan (issue 19): each test failed before its fix. */
class ReplanFaultsTest {

    private static Stop stop(StopKind kind, String taskId, String start, String end) {
        return new Stop(kind, taskId, kind == StopKind.KITCHEN ? "K1" : null, HERE, 0, 0, at(start), at(start), at(end), 0, 0);
    }

    /** Kitchen at 10:45, three doors at 11:00, 11:10 and 11:20, home at 11:40. */
    private static final List<Stop> TRIP = List.of(
            stop(StopKind.KITCHEN, null, "10:45", "10:50"),
            stop(StopKind.DELIVERY, "D1", "11:00", "11:02"),
            stop(StopKind.DELIVERY, "D2", "11:10", "11:12"),
            stop(StopKind.DELIVERY, "D3", "11:20", "11:22"),
            stop(StopKind.END, null, "11:40", "11:40"));

    @Test
    void aTripUnderWayFinishesAsPublished() {
        assertThat(ReplanPreparation.frozenPrefix(TRIP, at("10:30"), at("11:05"), Set.of(), null)).isEqualTo(5);
    }

    @Test
    void aCarrierWhoDropsOutMidTripIsNotPlannedToFinishIt() {
        // Unavailable from 11:05, after the first door: the other two doors of the trip are open again.
        assertThat(ReplanPreparation.frozenPrefix(TRIP, at("10:30"), at("11:05"), Set.of(), at("11:05"))).isEqualTo(2);
    }

    static final String VOLUNTEER_DAY = """
            {"date": "2026-11-24", "coordinateSystem": "WGS84",
             "elders": [{"id": "E1", "location": {"lat": 31.23, "lon": 121.47}},
                        {"id": "E2", "location": {"lat": 31.231, "lon": 121.471}}],
             "workers": [
               {"id": "V1", "role": "VOLUNTEER", "mode": "FOOT", "start": {"lat": 31.23, "lon": 121.47},
                "maxHoursPerDay": %s,
                "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T17:00:00+08:00"}]}],
             "visits": [
               {"id": "X", "elderId": "E1", "type": "CHECK_IN", "durationMinutes": 30,
                "windows": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]},
               {"id": "Y", "elderId": "E2", "type": "CHECK_IN", "durationMinutes": 30,
                "windows": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]}]}
            """;

    private static PreparedReplan volunteerReplanAt0920(String maxHoursPerDay) {
        ProblemDocument problem = ProblemJson.read(VOLUNTEER_DAY.formatted(maxHoursPerDay).getBytes(StandardCharsets.UTF_8));
        // V1 checks on E1 from 09:00 to 09:30 (under way at 09:20) and is to see E2 at 10:30.
        var published = plan(List.of(route("V1", stop(StopKind.VISIT, "X", "09:00", "09:30"),
                stop(StopKind.VISIT, "Y", "10:30", "11:00"), stop(StopKind.END, null, "11:10", "11:10"))), List.of());
        return ReplanPreparation.prepare(problem, published, new EventsDocument(at("09:20"), List.of()));
    }

    @Test
    void aVolunteerWhoHasGivenTheirHoursTodayIsNotPlannedFurther() {
        PreparedReplan prepared = volunteerReplanAt0920("0.5");
        // Before the fix the remaining 0 hours became maxHoursPerDay 0: no cap at all.
        assertThat(prepared.openProblem().workersOrEmpty()).extracting(WorkerDoc::id).doesNotContain("V1");
    }

    @Test
    void aVolunteerWithHoursLeftKeepsWhatIsLeftAsTheirCap() {
        PreparedReplan prepared = volunteerReplanAt0920("2");
        assertThat(prepared.openProblem().workersOrEmpty()).singleElement()
                .satisfies(w -> assertThat(w.maxHoursPerDay()).isEqualTo(1.5));
    }
}
