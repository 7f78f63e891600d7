package io.careroute.data.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.careroute.data.i18n.Messages;
import org.junit.jupiter.api.Test;

/** A pin that cannot hold is refused before planning, at its field, in Chinese first. */
class PinChecksTest {

    private static final String DAY = """
            {"date": "2026-11-24", "timeZone": "Asia/Shanghai",
             "kitchens": [{"id": "K1", "location": {"lat": 31.23, "lon": 121.47},
                           "batches": [{"id": "L", "readyAt": "2026-11-24T10:45:00+08:00", "boxes": 20}]}],
             "elders": [{"id": "E1", "location": {"lat": 31.231, "lon": 121.471}, "requiredWorkerGender": "F",
                         "refusedWorkers": ["C3"]},
                        {"id": "E2", "location": {"lat": 31.232, "lon": 121.472}}],
             "workers": [{"id": "W1", "mode": "EBIKE", "start": {"lat": 31.23, "lon": 121.47}, "capacityBoxes": 2,
                          "shifts": [{"start": "2026-11-24T10:15:00+08:00", "end": "2026-11-24T13:15:00+08:00"}]},
                         {"id": "C1", "mode": "FOOT", "gender": "F", "start": {"lat": 31.23, "lon": 121.47},
                          "skills": [{"skill": "BATHING"}],
                          "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]},
                         {"id": "C2", "mode": "FOOT", "gender": "M", "start": {"lat": 31.23, "lon": 121.47},
                          "skills": [{"skill": "BATHING", "certificateExpires": "2026-11-01"}],
                          "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]},
                         {"id": "C3", "mode": "FOOT", "gender": "F", "start": {"lat": 31.23, "lon": 121.47},
                          "shifts": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]}],
             "deliveries": [{"id": "O1", "elderId": "E2", "kitchenId": "K1", "boxes": 3,
                             "windows": [{"start": "2026-11-24T11:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]},
                            {"id": "O2", "elderId": "E2", "kitchenId": "K1",
                             "windows": [{"start": "2026-11-24T11:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]}],
             "visits": [{"id": "V1", "elderId": "E1", "type": "BATHING", "durationMinutes": 60, "requiredSkills": ["BATHING"],
                         "windows": [{"start": "2026-11-24T09:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]},
                        {"id": "V2", "elderId": "E2", "type": "CHECK_IN", "durationMinutes": 30,
                         "windows": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]},
                        {"id": "V3", "elderId": "E2", "type": "CHECK_IN", "durationMinutes": 30, "workersNeeded": 2,
                         "windows": [{"start": "2026-11-24T08:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]}],
             "pins": PINS}
            """;

    private static List<InputError> errors(String pins) {
        return ProblemValidator.check(ProblemJson.read(DAY.replace("PINS", pins).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pinsThatCanHoldPass() {
        assertThat(errors("""
                [{"taskId": "V1", "workerId": "C1", "position": 1, "start": "2026-11-24T09:00:00+08:00"},
                 {"taskId": "V2", "workerId": "C1", "position": 2},
                 {"taskId": "O2", "workerId": "W1"},
                 {"taskId": "V3", "workerId": "C3"}]""")).isEmpty();
    }

    @Test
    void unknownTasksAndWorkersAndTwicePinnedTasksAreNamed() {
        List<InputError> errors = errors("""
                [{"taskId": "V9", "workerId": "C1"}, {"taskId": "V2", "workerId": "X"},
                 {"taskId": "O2", "workerId": "W1"}, {"taskId": "O2", "workerId": "W1"}, {"workerId": "W1"}]""");
        assertThat(errors).extracting(InputError::field).containsExactly(
                "pins[0].taskId", "pins[1].workerId", "pins[3].taskId", "pins[4].taskId");
        assertThat(errors.get(2).reason(Messages.english())).isEqualTo("task O2 is pinned more than once");
    }

    @Test
    void aWorkerWhoMayNotServeTheTaskIsRefusedWithTheReason() {
        List<InputError> errors = errors("""
                [{"taskId": "V1", "workerId": "C3"}, {"taskId": "O1", "workerId": "W1"}]""");
        assertThat(errors).extracting(InputError::field).containsExactly("pins[0].workerId", "pins[1].workerId");
        assertThat(errors.get(0).reason(Messages.english())).isEqualTo("the elder refuses worker C3: V1 cannot be pinned to them");
        assertThat(errors.get(1).reason(Messages.english())).isEqualTo("worker W1 cannot carry the boxes of O1");
        // C2's bathing certificate expired before the day; the elder wants a woman anyway.
        assertThat(errors("[{\"taskId\": \"V1\", \"workerId\": \"C2\"}]")).singleElement()
                .satisfies(e -> assertThat(e.reason(Messages.english())).contains("lacks a skill V1 needs"));
        assertThat(errors("[{\"taskId\": \"V2\", \"workerId\": \"C3\"}, {\"taskId\": \"V1\", \"workerId\": \"C1\"}]")).isEmpty();
    }

    @Test
    void placesMustRunFromOneAndTwoWorkerVisitsTakeNone() {
        List<InputError> errors = errors("""
                [{"taskId": "V2", "workerId": "C1", "position": 2}, {"taskId": "V3", "workerId": "C1", "position": 1},
                 {"taskId": "O2", "workerId": "W1", "position": 0}]""");
        assertThat(errors).extracting(InputError::field).containsExactly(
                "pins[1].position", "pins[2].position", "pins[0].position");
        assertThat(errors.get(2).reason(Messages.english()))
                .isEqualTo("the pinned positions of worker C1 must run from 1 without gaps; stop 1 is missing");
    }

    @Test
    void aPinnedStartMustFitTheWindowTheShiftThePlaceAndTheOrder() {
        List<InputError> errors = errors("""
                [{"taskId": "V1", "workerId": "C1", "position": 1, "start": "2026-11-24T11:30:00+08:00"},
                 {"taskId": "V2", "workerId": "C1", "start": "2026-11-24T09:00:00+08:00"},
                 {"taskId": "O2", "workerId": "W1", "position": 1, "start": "2026-11-24T11:00:00+08:00"}]""");
        assertThat(errors).extracting(InputError::field).containsExactly("pins[0].start", "pins[1].start");
        assertThat(errors.get(0).reason(Messages.chinese())).isEqualTo("指定开始时间不在任务 V1 的服务时段内");

        assertThat(errors("""
                [{"taskId": "V2", "workerId": "C3", "position": 1, "start": "2026-11-24T10:00:00+08:00"},
                 {"taskId": "V1", "workerId": "C1", "position": 1, "start": "2026-11-24T10:00:00+08:00"}]"""))
                .isEmpty();
        List<InputError> order = errors("""
                [{"taskId": "V2", "workerId": "C1", "position": 1, "start": "2026-11-24T10:00:00+08:00"},
                 {"taskId": "V1", "workerId": "C1", "position": 2, "start": "2026-11-24T09:00:00+08:00"}]""");
        assertThat(order).extracting(InputError::field).containsExactly("pins[1].start");
        // 08:30 is in V2's window, but W1 starts work at 10:15
        List<InputError> offShift = errors("""
                [{"taskId": "V2", "workerId": "W1", "position": 1, "start": "2026-11-24T08:30:00+08:00"}]""");
        assertThat(offShift).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("pins[0].start");
            assertThat(e.reason(Messages.english())).isEqualTo(
                    "the pinned start plus the task duration is outside the shifts of worker W1");
        });
    }
}
