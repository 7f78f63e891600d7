package io.careroute.api.cli;

import static io.careroute.api.cli.CliTest.careroute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code careroute recommend} on the plan {@code plan --demo} wrote, as a dispatcher on the phone runs it. */
class RecommendCommandTest {

    private static final String CACHE = TestNetwork.GRAPH_CACHE.toString();

    @Test
    void offersTheBestSlotsForACallAndRefusesABadVisitNamingTheField(@TempDir Path out) throws Exception {
        CliTest.Run plan = careroute("plan", "--demo", "--seconds", "5", "--date", "2026-11-24", "--out", out.toString(),
                "--graph-cache", CACHE);
        assertThat(plan.exit()).as(plan.err()).isZero();
        PlanDocument solved = ProblemJson.mapper().readValue(out.resolve("plan.json").toFile(), PlanDocument.class);
        ProblemDocument problem = ProblemJson.mapper().readValue(out.resolve("problem.json").toFile(), ProblemDocument.class);
        String elder = problem.elders().get(3).id();

        Path visit = out.resolve("visit.json");
        Files.writeString(visit, "{\"id\": \"CALL1\", \"elderId\": \"" + elder + "\", \"type\": \"CHECK_IN\", "
                + "\"durationMinutes\": 30, \"priority\": 4, \"urgent\": true, \"windows\": [{\"start\": "
                + "\"2026-11-24T09:00:00+08:00\", \"end\": \"2026-11-24T15:00:00+08:00\"}]}");
        Path dir = out.resolve("recommend");
        CliTest.Run run = careroute("recommend", out.resolve("plan.json").toString(), visit.toString(), "--top", "3",
                "--out", dir.toString(), "--graph-cache", CACHE);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("已发布方案评分 " + solved.score(), "服务 CALL1 的推荐时段（共 3 个", "评分变化",
                "recommendations.json");
        JsonNode written = ProblemJson.mapper().readTree(dir.resolve("recommendations.json").toFile());
        assertThat(written.isArray()).isTrue();
        assertThat(written).hasSize(3);
        for (JsonNode slot : written) {
            assertThat(slot.fieldNames()).toIterable().contains("workerId", "start", "end", "scoreDelta", "moved");
            assertThat(slot.get("scoreDelta").asText()).startsWith("0hard/");
            assertThat(slot.get("start").asText()).startsWith("2026-11-24T").endsWith("+08:00");
        }

        // A skill nobody has and a window on another day: exit 2, each named by its field in VISIT.json.
        Files.writeString(visit, "{\"id\": \"CALL2\", \"elderId\": \"" + elder + "\", \"type\": \"BATHING\", "
                + "\"requiredSkills\": [\"JUGGLING\"], \"durationMinutes\": 30, \"windows\": [{\"start\": "
                + "\"2026-11-25T09:00:00+08:00\", \"end\": \"2026-11-25T15:00:00+08:00\"}]}");
        CliTest.Run bad = careroute("recommend", out.resolve("plan.json").toString(), visit.toString(),
                "--out", out.resolve("bad").toString(), "--lang", "en", "--graph-cache", CACHE);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("requiredSkills[0]: no worker of the day has the skill JUGGLING",
                "windows[0]: the window does not meet the plan's day (2026-11-24)");
        assertThat(out.resolve("bad/recommendations.json")).doesNotExist();

        CliTest.Run badAt = careroute("recommend", out.resolve("plan.json").toString(), visit.toString(), "--at", "noon",
                "--lang", "en", "--graph-cache", CACHE);
        assertThat(badAt.exit()).isEqualTo(2);
        assertThat(badAt.err()).contains("--at: expected an ISO-8601 time with offset");

        CliTest.Run top = careroute("recommend", out.resolve("plan.json").toString(), visit.toString(), "--top", "0",
                "--graph-cache", CACHE);
        assertThat(top.exit()).isEqualTo(2);
        assertThat(top.err()).contains("--top");
    }
}
