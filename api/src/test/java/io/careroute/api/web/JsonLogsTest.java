package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.Test;

/**
 * Structured logs as an option: {@code careroute serve} in a child JVM with the production logback.xml and
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=logstash} logs one JSON object per line from the moment Spring configures
 * logging — the start-up's, the plan's, a refused request's, the shut-down's — with the same messages as the text format and,
 * decoded, no personal data of the problem it solved or the broken document it refused.
 */
class JsonLogsTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    /** A line in the text format: what must not appear once the JSON format is on. */
    static final Pattern TEXT_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) ");

    @Test
    void theServerLogsOneJsonObjectPerLineWithoutPersonalData() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("json-logs"));
        ProblemDocument day = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                PlanApiTest.DAY);
        String id;
        ChildServer server = ChildServer.start(dataDir, "json", Map.of(
                // The test class path puts logback-test.xml first: the server is pointed at the production one.
                "LOGGING_CONFIG", "classpath:logback.xml",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash",
                "CAREROUTE_SOLVE_SECONDS", "2"));
        try {
            ApiClient api = server.awaitUp(WAIT).api;
            id = api.post("/api/v1/plans", ProblemJson.write(day), null).body().get("id").asText();
            assertThat(api.waitFor(id, ApiClient::ended, WAIT).get("status").asText()).isEqualTo("SOLVED");
            // Broken JSON that carries an elder's name: refused, and the name is not logged.
            ElderDoc elder = day.elders().get(3);
            String broken = "{\"elders\": [{\"id\": \"E1\", \"name\": " + elder.name() + "}]}";
            assertThat(api.post("/api/v1/plans", broken.getBytes(StandardCharsets.UTF_8), null).status())
                    .isEqualTo(400);
        } finally {
            server.close();      // SIGTERM: the graceful shut-down logs too
        }

        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(server.log, StandardCharsets.UTF_8);
        List<JsonNode> entries = new ArrayList<>();
        List<String> textAfterJson = new ArrayList<>();
        StringBuilder decoded = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("{")) {
                JsonNode entry = json.readTree(line);
                entries.add(entry);
                decoded.append(entry.toString()).append('\n');      // Chinese unescaped, for the scan
            } else if (!entries.isEmpty() && TEXT_LINE.matcher(line).find()) {
                textAfterJson.add(line);
            }
        }
        assertThat(entries).as("JSON log lines in %s", server.log).isNotEmpty();
        assertThat(textAfterJson).as("text log lines once JSON is on").isEmpty();
        for (JsonNode entry : entries) {
            assertThat(entry.has("@timestamp") && entry.has("level") && entry.has("logger_name")
                    && entry.has("message")).as("a Logstash entry: %s", entry).isTrue();
        }
        assertThat(messages(entries)).anyMatch(m -> m.startsWith("Plan " + id + " queued"))
                .anyMatch(m -> m.startsWith("Plan " + id + " SOLVED"))
                .anyMatch(m -> m.startsWith("Instance ") && m.contains("takes solve jobs"));
        PersonalDataScan personal = new PersonalDataScan(List.of(day));
        assertThat(personal.findings(decoded.toString())).as("personal data in the JSON logs").isEmpty();
        assertThat(personal.findings(String.join("\n", lines))).as("personal data in the raw log").isEmpty();
    }

    @Test
    void anUnknownFormatStopsTheStartNamingIt() throws Exception {
        Path dataDir = Path.of(TestServer.freshDataDir("json-logs-unknown"));
        ChildServer server = ChildServer.start(dataDir, "unknown", Map.of("LOGGING_CONFIG", "classpath:logback.xml",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "jsonish"));
        try {
            assertThat(server.process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the server stopped")
                    .isTrue();
            assertThat(server.process.exitValue()).isNotZero();
            assertThat(server.logText()).contains("jsonish");
        } finally {
            server.close();
        }
    }

    private static List<String> messages(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("message").asText()).toList();
    }
}
