package io.careroute.data.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.careroute.data.i18n.Messages;
import org.junit.jupiter.api.Test;

class ProblemValidatorTest {

    private static final String VALID = """
            {"date": "2026-11-24", "timeZone": "Asia/Shanghai", "coordinateSystem": "GCJ02",
             "kitchens": [{"id": "K1", "location": {"lat": 31.23, "lon": 121.47},
                           "batches": [{"id": "L", "readyAt": "2026-11-24T10:45:00+08:00", "boxes": 2}]}],
             "elders": [{"id": "E1", "location": {"lat": 31.231, "lon": 121.471}, "name": "王秀英", "phone": "13800000000",
                         "priorityClass": "DISABLED", "refusedWorkers": ["W1"]}],
             "workers": [{"id": "W1", "mode": "EBIKE", "start": {"lat": 31.23, "lon": 121.47}, "capacityBoxes": 12,
                          "shifts": [{"start": "2026-11-24T10:15:00+08:00", "end": "2026-11-24T13:15:00+08:00"}]}],
             "deliveries": [{"id": "O1", "elderId": "E1", "kitchenId": "K1",
                             "windows": [{"start": "2026-11-24T11:00:00+08:00", "end": "2026-11-24T12:00:00+08:00"}]}],
             "visits": [{"id": "V1", "elderId": "E1", "type": "BATHING", "durationMinutes": 90,
                         "windows": [{"start": "2026-11-24T09:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]}]}
            """;

    private static ProblemDocument read(String json) {
        return ProblemJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<InputError> errors(String json) {
        return ProblemValidator.check(read(json));
    }

    @Test
    void aCompleteProblemPassesAndDefaultsAreDocumentedOnes() {
        ProblemDocument problem = read(VALID);
        assertThat(ProblemValidator.check(problem)).isEmpty();
        assertThat(problem.coordinateSystemOrDefault()).isEqualTo(CoordinateSystemName.GCJ02);
        assertThat(problem.kitchens().get(0).maxMinutesFromKitchenOrDefault()).isEqualTo(45);
        assertThat(problem.deliveries().get(0).boxesOrOne()).isEqualTo(1);
    }

    @Test
    void reportsEveryErrorAtOnceWithItsField() {
        String bad = VALID
                .replace("\"id\": \"W1\"", "\"id\": \"W1\", \"gender\": \"X\"")
                .replace("\"kitchenId\": \"K1\"", "\"kitchenId\": \"K2\"")
                .replace("\"durationMinutes\": 90,", "")
                .replace("\"refusedWorkers\": [\"W1\"]", "\"refusedWorkers\": [\"W7\"]");
        assertThat(errors(bad)).extracting(InputError::field).containsExactlyInAnyOrder(
                "workers[0].gender", "deliveries[0].kitchenId", "visits[0].durationMinutes", "elders[0].refusedWorkers[0]");
    }

    @Test
    void duplicateIdsAndInvertedWindowsAreRefused() {
        String bad = VALID.replace("\"id\": \"V1\"", "\"id\": \"O1\"")
                .replace("\"elders\": [", "\"elders\": [{\"id\": \"E1\", \"location\": {\"lat\": 31.2, \"lon\": 121.4}}, ")
                .replace("\"windows\": [{\"start\": \"2026-11-24T11:00:00+08:00\", \"end\": \"2026-11-24T12:00:00+08:00\"}]",
                        "\"windows\": [{\"start\": \"2026-11-24T12:00:00+08:00\", \"end\": \"2026-11-24T11:00:00+08:00\"}]");
        List<InputError> errors = errors(bad);
        assertThat(errors).extracting(InputError::field).containsExactly("elders[1].id", "deliveries[0].windows[0].end");
        assertThat(errors.get(0).reason(Messages.english())).isEqualTo("duplicate id E1");
        // Ids are unique per kind: a visit may share an id with a delivery.
    }

    @Test
    void outOfRangeCoordinatesAreNamed() {
        String bad = VALID.replace("{\"lat\": 31.231, \"lon\": 121.471}", "{\"lat\": 131.2, \"lon\": 121.471}");
        assertThat(errors(bad)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("elders[0].location.lat");
            assertThat(e.reason(Messages.english())).contains("between -90 and 90");
        });
    }

    @Test
    void wrongTypesAndEnumsNameTheField() {
        assertThatThrownBy(() -> read(VALID.replace("\"EBIKE\"", "\"JETPACK\"")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().extracting(InputError::field).isEqualTo("workers[0].mode");
                    assertThat(e.getMessage()).doesNotContain("JETPACK");   // exception messages reach logs
                });
        assertThatThrownBy(() -> read(VALID.replace("\"durationMinutes\": 90", "\"durationMinutes\": \"long\"")))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors()).singleElement().extracting(InputError::field).isEqualTo("visits[0].durationMinutes"));
    }

    @Test
    void errorsAreInChineseByDefault() {
        List<InputError> errors = ProblemValidator.check(read(VALID.replace("\"kitchenId\": \"K1\"", "\"kitchenId\": \"K2\"")));
        assertThat(errors).singleElement().extracting(e -> e.reason(Messages.chinese())).isEqualTo("找不到编号为 K2 的厨房");
    }

    @Test
    void personalDataNeverAppearsInToString() {
        ElderDoc elder = read(VALID).elders().get(0);
        assertThat(elder.toString()).doesNotContain("王秀英", "13800000000", "31.231");
        assertThat(read(VALID).toString()).doesNotContain("王秀英", "13800000000");
    }

    @Test
    void aVisitNeedsOneOrTwoWorkersAndTheSecondPartsIdIsFree() {
        String three = VALID.replace("\"durationMinutes\": 90,", "\"durationMinutes\": 90, \"workersNeeded\": 3,");
        assertThat(errors(three)).extracting(InputError::field).containsExactly("visits[0].workersNeeded");
        String two = VALID.replace("\"durationMinutes\": 90,", "\"durationMinutes\": 90, \"workersNeeded\": 2,");
        assertThat(errors(two)).isEmpty();
        String clash = two.replace("]}]}\n", "]}, {\"id\": \"V1#2\", \"elderId\": \"E1\", \"type\": \"CHECK_IN\", "
                + "\"durationMinutes\": 30, \"windows\": [{\"start\": \"2026-11-24T09:00:00+08:00\", "
                + "\"end\": \"2026-11-24T11:00:00+08:00\"}]}]}\n");
        assertThat(clash).isNotEqualTo(two);
        assertThat(errors(clash)).extracting(InputError::field).containsExactly("visits[0].id");
    }

    @Test
    void aVolunteersLimitsArePositive() {
        String bad = VALID.replace("\"capacityBoxes\": 12,", "\"capacityBoxes\": 12, \"maxKmFromHome\": 0, \"maxHoursPerDay\": 30,");
        assertThat(errors(bad)).extracting(InputError::field)
                .containsExactlyInAnyOrder("workers[0].maxKmFromHome", "workers[0].maxHoursPerDay");
    }
}
