package io.careroute.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An impossible pin on the command line: exit 2, the field and the reason, nothing planned, no stack trace. */
class PinRefusalCliTest {

    @Test
    void aPinToAnUnqualifiedWorkerOrOutsideTheWindowExitsWithTwoNamingTheField(@TempDir Path dir) throws Exception {
        Path problem = dir.resolve("problem.json");
        Files.writeString(problem, """
                {"date": "2026-11-24",
                 "elders": [{"id": "E1", "location": {"lat": 31.23, "lon": 121.47}}],
                 "workers": [{"id": "W1", "mode": "FOOT", "start": {"lat": 31.23, "lon": 121.47},
                              "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]}],
                 "visits": [{"id": "V1", "elderId": "E1", "type": "BATHING", "durationMinutes": 30, "requiredSkills": ["BATHING"],
                             "windows": [{"start": "2026-11-24T09:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]},
                            {"id": "V2", "elderId": "E1", "type": "CHECK_IN", "durationMinutes": 30,
                             "windows": [{"start": "2026-11-24T09:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]}],
                 "pins": [{"taskId": "V1", "workerId": "W1"},
                          {"taskId": "V2", "workerId": "W1", "position": 1, "start": "2026-11-24T11:30:00+08:00"}]}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path plans = dir.resolve("out");
        int exit = CareRouteMain.run(new PrintWriter(out, true), new PrintWriter(err, true), "plan", problem.toString(),
                "--out", plans.toString(), "--lang", "en", "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("pins[0].workerId: worker W1 lacks a skill V1 needs",
                "pins[1].start: the pinned start is outside the windows of task V2");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
        assertThat(plans.resolve("plan.json")).doesNotExist();
    }

    @Test
    void aPinnedStartTheWorkerCannotWalkToInTimeExitsWithTwoAndTheTimes(@TempDir Path dir) throws Exception {
        // The worker starts at one corner of the People's Square extract, the elder lives at the other (about 3 km
        // on foot), and the visit is pinned five minutes into the shift: inside window and shift, out of reach.
        Path problem = dir.resolve("problem.json");
        Files.writeString(problem, """
                {"date": "2026-11-24",
                 "elders": [{"id": "E1", "location": {"lat": 31.2385, "lon": 121.4835}}],
                 "workers": [{"id": "W1", "mode": "FOOT", "start": {"lat": 31.2225, "lon": 121.4640},
                              "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]}],
                 "visits": [{"id": "V1", "elderId": "E1", "type": "CHECK_IN", "durationMinutes": 30,
                             "windows": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]}],
                 "pins": [{"taskId": "V1", "workerId": "W1", "position": 1, "start": "2026-11-24T08:05:00+08:00"}]}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path plans = dir.resolve("out");
        int exit = CareRouteMain.run(new PrintWriter(out, true), new PrintWriter(err, true), "plan", problem.toString(),
                "--out", plans.toString(), "--lang", "en", "--graph-cache", TestNetwork.GRAPH_CACHE.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("pins[0].start: worker W1 leaves the start at 08:00 and needs about ",
                "V1 can start at ", "at the earliest, not at the pinned 08:05");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
        assertThat(plans.resolve("plan.json")).doesNotExist();
    }
}
