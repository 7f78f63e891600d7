package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ProblemJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * The whole server on PostgreSQL, configured the way the README says (spring.datasource.*): Flyway creates the
 * schema on an empty database, a plan is solved, and a second server on the same database reads it back.
 */
class PostgresServerTest {

    @Test
    void theServerKeepsItsPlansInPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String[] settings = {"spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres", "spring.datasource.password=",
                    "careroute.solve-seconds=1"};
            Path unused = Path.of(TestServer.freshDataDir("postgres"));
            String id;
            JsonNode solved;
            try (TestServer first = TestServer.start(unused, settings)) {
                byte[] demo = ProblemJson.write(DemoProblem.generate(TestNetwork.demo(),
                        DemoStreetGenerator.DEFAULT_SEED, PlanApiTest.DAY));
                id = first.api.post("/api/v1/plans", demo, null).body().get("id").asText();
                solved = first.api.waitFor(id, ApiClient::ended, Duration.ofSeconds(60));
                assertThat(solved.get("status").asText()).isEqualTo("SOLVED");
                assertThat(first.api.post("/api/v1/plans/" + id + "/publish", new byte[0], null).status()).isEqualTo(200);
            }
            try (TestServer second = TestServer.start(unused, settings)) {
                JsonNode again = second.api.get("/api/v1/plans/" + id).body();
                assertThat(again.get("plan")).isEqualTo(solved.get("plan"));
                assertThat(again.get("progress")).isEqualTo(solved.get("progress"));
                assertThat(again.get("finishedAt")).isEqualTo(solved.get("finishedAt"));
                assertThat(again.get("publishedVersion").asInt()).isEqualTo(1);
                assertThat(second.api.get("/api/v1/plans").body().get("total").asInt()).isEqualTo(1);
            }
            // Kept in PostgreSQL: the embedded database in the data directory was never created.
            assertThat(unused.resolve("careroute.mv.db")).doesNotExist();
        }
    }
}
