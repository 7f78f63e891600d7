package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.routing.coordinates.CoordinateSystem;
import io.careroute.routing.coverage.CanteenCoverage;
import io.careroute.routing.coverage.CoverageReport;
import io.careroute.routing.coverage.ElderReach;
import io.careroute.routing.coverage.Site;
import io.careroute.routing.network.GeoPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coverage resource on a random port, on the real demo network: its figures must be the routing module's own,
 * computed here directly on the same problem. (Same properties as PlanApiTest, so the two share one server.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careroute.graph-cache=target/graph-cache",
        "careroute.solve-seconds=4",
        "careroute.demo=true"})
class CoverageApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static ProblemDocument demo;
    static CoverageReport direct;

    @LocalServerPort
    int port;

    @BeforeAll
    static void demoAndItsCoverage() {
        demo = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED, DAY);
        List<Site> canteens = demo.kitchens().stream().map(k -> new Site(k.id(), point(k.location()))).toList();
        List<Site> homes = demo.elders().stream().map(e -> new Site(e.id(), point(e.location()))).toList();
        direct = CanteenCoverage.of(TestNetwork.demo(), canteens, homes, 300, 5, 10);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void aProblemsCoverageHasTheRoutingModulesFigures() throws Exception {
        ApiClient.Response response = api().post("/api/v1/coverage?minutes=10,5", ProblemJson.write(demo), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode report = response.body();
        assertThat(report.get("minutes").toString()).isEqualTo("[5,10]");
        assertThat(report.get("coordinateSystem").asText()).isEqualTo("WGS84");
        assertThat(report.get("totals").get(0).get("covered").asLong()).isEqualTo(direct.coveredWithin(5));
        assertThat(report.get("totals").get(1).get("covered").asLong()).isEqualTo(direct.coveredWithin(10));
        assertThat(report.get("totals").get(1).get("elders").asInt()).isEqualTo(60);
        assertThat(report.get("canteens").get(0).get("id").asText()).isEqualTo("K1");
        assertThat(report.get("canteens").get(0).get("within").get(1).get("elders").asInt())
                .isEqualTo(direct.canteens().get(0).eldersWithin().get(1));
        for (int i = 0; i < direct.elders().size(); i++) {
            ElderReach expected = direct.elders().get(i);
            JsonNode elder = report.get("elders").get(i);
            assertThat(elder.get("elderId").asText()).isEqualTo(expected.elderId());
            assertThat(elder.get("walkSeconds").asInt()).isEqualTo(expected.walkSeconds());
            assertThat(elder.get("withinMinutes").isNull()).isEqualTo(!expected.within(10));
            // Chinese by default: a reason only for an elder beyond every limit.
            if (!expected.within(10)) {
                assertThat(elder.get("reason").asText()).contains("步行", "分钟", expected.canteenId());
            } else {
                assertThat(elder.get("reason").isNull()).isTrue();
            }
        }
    }

    @Test
    void theDemoCoverageIsTheSameReportAndSpeaksEnglishOnRequest() throws Exception {
        JsonNode posted = api().post("/api/v1/coverage?minutes=5,10", ProblemJson.write(demo), "en").body();
        ApiClient.Response demoReport = api().get("/api/v1/demo/coverage?minutes=5,10", "Accept-Language", "en");
        assertThat(demoReport.status()).isEqualTo(200);
        assertThat(demoReport.body()).isEqualTo(posted);
        ElderReach farthest = direct.beyondAll().get(0);
        JsonNode line = null;
        for (JsonNode elder : posted.get("elders")) {
            line = elder.get("elderId").asText().equals(farthest.elderId()) ? elder : line;
        }
        assertThat(line.get("reason").asText()).isEqualTo(Math.round(farthest.walkSeconds() / 60.0) + " min walk ("
                + String.format(java.util.Locale.ENGLISH, "%,d", farthest.walkMetres()) + " m) to the nearest canteen, K1");
    }

    @Test
    void geoJsonWithIsochronesOnRequestInWgs84() throws Exception {
        ApiClient.Response byAccept = api().postWith("/api/v1/coverage", ProblemJson.write(demo), "Accept", "application/geo+json");
        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.contentType()).startsWith("application/geo+json");
        JsonNode map = byAccept.body();
        assertThat(map.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(map.get("coordinateSystem").asText()).isEqualTo("WGS84");
        List<String> kinds = new ArrayList<>();
        map.get("features").forEach(f -> kinds.add(f.get("properties").get("kind").asText()));
        assertThat(kinds).filteredOn("ISOCHRONE"::equals).hasSize(2);     // 10 and 15 minutes around K1
        assertThat(kinds).filteredOn("CANTEEN"::equals).hasSize(1);
        assertThat(kinds).filteredOn("ELDER"::equals).hasSize(60);

        ApiClient.Response byPath = api().get("/api/v1/demo/coverage/geojson");
        assertThat(byPath.status()).isEqualTo(200);
        assertThat(byPath.body()).isEqualTo(map);
    }

    @Test
    void inputInAChineseSystemIsConvertedAndItsSystemNamed() throws Exception {
        // The same places as Amap (GCJ-02) would give them: the report must not change.
        List<KitchenDoc> kitchens = demo.kitchens().stream().map(k -> new KitchenDoc(k.id(), gcj(k.location()),
                k.loadingMinutes(), k.maxMinutesFromKitchen(), k.batches())).toList();
        List<ElderDoc> elders = demo.elders().stream().map(e -> new ElderDoc(e.id(), gcj(e.location()), e.name(), e.phone(),
                e.address(), e.priorityClass(), e.requiredWorkerGender(), e.preferredWorkers(), e.refusedWorkers())).toList();
        ProblemDocument amap = new ProblemDocument(demo.date(), demo.timeZone(), CoordinateSystemName.GCJ02, kitchens, elders,
                List.of(), List.of(), List.of());
        JsonNode report = api().post("/api/v1/coverage?minutes=5,10", ProblemJson.write(amap), null).body();
        assertThat(report.get("coordinateSystem").asText()).isEqualTo("GCJ02");
        assertThat(report.get("canteens").get(0).get("location").get("lat").asDouble()).isEqualTo(kitchens.get(0).location().lat());
        assertThat(report.get("totals").get(0).get("covered").asLong()).isEqualTo(direct.coveredWithin(5));
        assertThat(report.get("totals").get(1).get("covered").asLong()).isEqualTo(direct.coveredWithin(10));
    }

    @Test
    void badInputIsAProblemDetailNamingTheField() throws Exception {
        ApiClient.Response minutes = api().post("/api/v1/coverage?minutes=ten", ProblemJson.write(demo), "en");
        assertThat(minutes.status()).isEqualTo(400);
        assertThat(minutes.contentType()).startsWith("application/problem+json");
        assertThat(minutes.body().get("errors").get(0).get("field").asText()).isEqualTo("minutes");
        assertThat(minutes.body().get("errors").get(0).get("reason").asText()).contains("whole minutes separated by commas");

        ApiClient.Response zero = api().get("/api/v1/demo/coverage?minutes=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body().get("errors").get(0).get("reason").asText()).isEqualTo("取值 0 不在 1 到 120 之间");

        List<ElderDoc> elders = new ArrayList<>(demo.elders());
        ElderDoc e = elders.get(3);
        elders.set(3, new ElderDoc(e.id(), null, e.name(), e.phone(), e.address(), e.priorityClass(),
                e.requiredWorkerGender(), e.preferredWorkers(), e.refusedWorkers()));
        ProblemDocument noCanteen = new ProblemDocument(demo.date(), null, null, List.of(), elders, null, null, null);
        ApiClient.Response refused = api().post("/api/v1/coverage", ProblemJson.write(noCanteen), "en");
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.body().get("errors").forEach(err -> fields.add(err.get("field").asText()));
        assertThat(fields).containsExactly("kitchens", "elders[3].location");
        assertThat(refused.body().toString()).doesNotContain("Exception");

        ApiClient.Response empty = api().post("/api/v1/coverage", new byte[0], null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").get(0).get("reason").asText()).isEqualTo("请求内容为空");
    }

    @Test
    void theCoverageResourceIsInTheOpenApiDocument() throws Exception {
        JsonNode paths = api().get("/v3/api-docs").body().get("paths");
        assertThat(paths.has("/api/v1/coverage")).isTrue();
        assertThat(paths.get("/api/v1/coverage").get("post").get("parameters").get(0).get("name").asText()).isEqualTo("minutes");
        assertThat(paths.has("/api/v1/coverage/geojson")).isTrue();
        assertThat(paths.has("/api/v1/demo/coverage")).isTrue();
    }

    private static GeoPoint point(LocationDoc location) {
        return new GeoPoint(location.lat(), location.lon());
    }

    private static LocationDoc gcj(LocationDoc wgs) {
        GeoPoint p = CoordinateSystem.GCJ02.fromWgs84(point(wgs));
        return new LocationDoc(p.lat(), p.lon());
    }
}
