package io.careroute.api.cli;

import static io.careroute.api.cli.CliTest.careroute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.WindowDoc;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code careroute check} as a dispatcher runs it on the plan {@code plan --demo} wrote, edited or not. */
class CheckCommandTest {

    private static final String CACHE = TestNetwork.GRAPH_CACHE.toString();

    @Test
    void theSolversPlanChecksOutAndAMovedVisitExitsThreeNamingTheBrokenWindow(@TempDir Path out) throws Exception {
        CliTest.Run plan = careroute("plan", "--demo", "--seconds", "5", "--date", "2026-11-24", "--out", out.toString(),
                "--graph-cache", CACHE);
        assertThat(plan.exit()).as(plan.err()).isZero();
        PlanDocument solved = ProblemJson.mapper().readValue(out.resolve("plan.json").toFile(), PlanDocument.class);

        // Untouched, against the problem.json and against the workbook of the same day: its own score exactly.
        for (String problem : new String[]{"problem.json", "problem.xlsx"}) {
            Path dir = out.resolve("check-" + problem);
            CliTest.Run check = careroute("check", out.resolve(problem).toString(), out.resolve("plan.json").toString(),
                    "--out", dir.toString(), "--graph-cache", CACHE);
            assertThat(check.exit()).as(check.err()).isZero();
            assertThat(check.out()).contains("检查通过", "评分 " + solved.score(), "check.json");
            JsonNode written = ProblemJson.mapper().readTree(dir.resolve("check.json").toFile());
            assertThat(written.get("feasible").asBoolean()).isTrue();
            assertThat(written.get("score").asText()).isEqualTo(solved.score());
        }

        // The visit whose window closes first, moved to the end of the route that ends last, in plan.json's shape.
        PlanDocument.TaskOutcome visit = solved.tasks().stream()
                .filter(t -> t.kind().name().equals("VISIT") && t.part() == null && t.assignedTo() != null)
                .min(Comparator.comparing(t -> t.windows().stream().map(WindowDoc::end).max(OffsetDateTime::compareTo).orElseThrow()))
                .orElseThrow();
        PlanDocument.WorkerRoute late = solved.workers().stream()
                .filter(w -> !w.id().equals(visit.assignedTo()) && w.totals().routeEnd() != null)
                .max(Comparator.comparing(w -> w.totals().routeEnd())).orElseThrow();
        ObjectNode edited = (ObjectNode) ProblemJson.mapper().readTree(out.resolve("plan.json").toFile());
        JsonNode movedStop = null;
        for (JsonNode route : edited.get("workers")) {
            ArrayNode stops = (ArrayNode) route.get("stops");
            for (int i = 0; i < stops.size(); i++) {
                if (visit.id().equals(stops.get(i).path("taskId").asText(null))) {
                    movedStop = stops.remove(i);
                    break;
                }
            }
        }
        for (JsonNode route : edited.get("workers")) {
            if (route.get("id").asText().equals(late.id())) {
                ((ArrayNode) route.get("stops")).add(movedStop);   // after END: the order is what counts
            }
        }
        Path editedFile = out.resolve("edited.json");
        ProblemJson.mapper().writeValue(editedFile.toFile(), edited);
        CliTest.Run broken = careroute("check", out.resolve("problem.json").toString(), editedFile.toString(),
                "--out", out.resolve("check-edited").toString(), "--lang", "en", "--graph-cache", CACHE);
        assertThat(broken.exit()).as(broken.err()).isEqualTo(3);
        assertThat(broken.out()).contains("Check failed", "[hard] Time window: " + visit.id() + " late by", late.id());
        JsonNode written = ProblemJson.mapper().readTree(out.resolve("check-edited/check.json").toFile());
        assertThat(written.get("feasible").asBoolean()).isFalse();
        assertThat(written.get("violations").findValuesAsText("taskId")).contains(visit.id());

        // A task named twice and an unknown one: bad input, exit 2, each named where it was written.
        Files.writeString(editedFile, "{\"workers\": [{\"id\": \"" + late.id() + "\", \"taskIds\": [\"" + visit.id()
                + "\", \"" + visit.id() + "\", \"V-NONE\"]}]}");
        CliTest.Run bad = careroute("check", out.resolve("problem.json").toString(), editedFile.toString(),
                "--out", out.resolve("check-bad").toString(), "--lang", "en", "--graph-cache", CACHE);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("workers[0].taskIds[1]: task " + visit.id() + " is listed twice",
                "workers[0].taskIds[2]: no task with id V-NONE", "unassigned: task ");
        assertThat(out.resolve("check-bad/check.json")).doesNotExist();

        CliTest.Run missing = careroute("check", out.resolve("problem.json").toString(), out.resolve("nope.json").toString(),
                "--graph-cache", CACHE);
        assertThat(missing.exit()).isEqualTo(2);
    }
}
