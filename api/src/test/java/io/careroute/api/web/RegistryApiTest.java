package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.api.access.ApiKeys;
import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Role;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.io.RegistryFiles;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The register over real HTTP against one real server. Each test works in an organisation of its own (made here as
 * {@code careroute create-admin} would), so its versions start at 1.
 */
class RegistryApiTest {

    static final ObjectMapper JSON = ProblemJson.mapper();
    static TestServer server;
    static RegistryDocument demo;

    @BeforeAll
    static void start() {
        server = TestServer.start(Path.of(TestServer.freshDataDir("registry")));
        demo = DemoRegistry.from(DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                LocalDate.of(2026, 11, 30)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A new organisation and a key of every role in it. */
    static Map<Role, ApiClient> newOrganisation() {
        String name = "street-" + UUID.randomUUID().toString().substring(0, 8);
        String id = server.context.getBean(AccessStore.class).organisationNamedOrNew(name).id();
        ApiKeys keys = server.context.getBean(ApiKeys.class);
        Map<Role, ApiClient> callers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            callers.put(role, server.api.as(keys.create(id, role.name().toLowerCase() + " key", role,
                    role == Role.WORKER ? "W1" : null).secret()));
        }
        return callers;
    }

    static byte[] bytes(Object value) throws Exception {
        return JSON.writeValueAsBytes(value);
    }

    static ApiClient.Response put(ApiClient caller, String path, Object body, String... headers) throws Exception {
        return caller.request("PUT", path, body instanceof byte[] b ? b : bytes(body), headers);
    }

    static int currentVersion(ApiClient caller) throws Exception {
        JsonNode versions = caller.get("/api/v1/registry/versions").body().get("versions");
        return versions.isEmpty() ? 0 : versions.get(0).get("version").asInt();
    }

    @Test
    void theDemoRegisterGoesInAndComesBackEqual() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        assertThat(admin.get("/api/v1/registry").status()).isEqualTo(404);

        ApiClient.Response stored = put(admin, "/api/v1/registry", demo);
        assertThat(stored.status()).as("%s", stored.body()).isEqualTo(201);
        assertThat(stored.body().get("version").asInt()).isEqualTo(1);
        assertThat(stored.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(stored.headers().firstValue("Location")).hasValue("/api/v1/registry/versions/1");
        assertThat(stored.body().get("changes").get("elders").get("added")).hasSize(demo.eldersOrEmpty().size());

        ApiClient.Response read = admin.get("/api/v1/registry");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JSON.treeToValue(read.body(), RegistryDocument.class)).isEqualTo(demo);
    }

    @Test
    void changingOneElderMakesVersionTwoWhoseSummaryNamesIt() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        put(admin, "/api/v1/registry", demo);
        RegistryElder elder = demo.eldersOrEmpty().get(2);
        ObjectNode changed = JSON.valueToTree(elder);
        changed.put("careGrade", 4);

        ApiClient.Response response = put(admin, "/api/v1/registry/elders/" + elder.id(), changed, "If-Match", "\"1\"");
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.body().get("version").asInt()).isEqualTo(2);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");

        JsonNode versions = admin.get("/api/v1/registry/versions").body().get("versions");
        assertThat(versions).hasSize(2);
        JsonNode latest = versions.get(0);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("by").asText()).startsWith("api-key:");
        assertThat(latest.get("changes").get("elders").get("changed")).containsExactly(JSON.valueToTree(elder.id()));
        assertThat(latest.get("changes").get("elders").get("added")).isEmpty();
        assertThat(latest.get("changes").get("workers").get("changed")).isEmpty();
        assertThat(versions.toString()).as("no personal data in the history").doesNotContain(elder.name(),
                elder.phone());

        assertThat(admin.get("/api/v1/registry/elders/" + elder.id()).body().get("careGrade").asInt()).isEqualTo(4);
        assertThat(JSON.treeToValue(admin.get("/api/v1/registry/versions/1").body(), RegistryDocument.class))
                .isEqualTo(demo);
        assertThat(admin.get("/api/v1/registry/versions/3").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/registry/elders/NOBODY").status()).isEqualTo(404);
    }

    @Test
    void aChangeAgainstAStaleVersionIs412AndStoresNothing() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        put(admin, "/api/v1/registry", demo);
        put(admin, "/api/v1/registry", demo, "If-Match", "\"1\"");

        ApiClient.Response whole = put(admin, "/api/v1/registry", demo, "If-Match", "\"1\"");
        assertThat(whole.status()).isEqualTo(412);
        assertThat(whole.contentType()).startsWith("application/problem+json");
        assertThat(whole.body().get("currentVersion").asInt()).isEqualTo(2);
        RegistryElder elder = demo.eldersOrEmpty().get(0);
        assertThat(put(admin, "/api/v1/registry/elders/" + elder.id(), elder, "If-Match", "\"1\"").status())
                .isEqualTo(412);
        assertThat(admin.request("DELETE", "/api/v1/registry/elders/" + elder.id(), null, "If-Match", "\"1\"")
                .status()).isEqualTo(412);
        assertThat(currentVersion(admin)).isEqualTo(2);
    }

    @Test
    void aBadRegisterIs400NamingEveryBadFieldAndStoresNothing() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        put(admin, "/api/v1/registry", demo);
        // What only a register has is checked first, every field at once...
        ObjectNode bad = JSON.valueToTree(demo);
        ((ObjectNode) bad.get("elders").get(3)).put("careGrade", 9);
        ((ObjectNode) bad.get("carePlans").get(0)).put("timesPerWeek", 9);
        ApiClient.Response refused = admin.request("PUT", "/api/v1/registry", bytes(bad), "Accept-Language", "en");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).contains("elders[3].careGrade", "carePlans[0].timesPerWeek");
        assertThat(refused.body().get("title").asText()).isEqualTo("Invalid input");
        // ... then the register unfolded over the coming week, as a day's problem, named by the register's field.
        ObjectNode offTheMap = JSON.valueToTree(demo);
        ((ObjectNode) offTheMap.get("elders").get(3).get("location")).put("lat", 91.5);
        ApiClient.Response located = admin.request("PUT", "/api/v1/registry", bytes(offTheMap));
        assertThat(located.status()).isEqualTo(400);
        assertThat(fields(located)).anyMatch(f -> f.startsWith("elders[3].location"));
        assertThat(located.body().get("title").asText()).isEqualTo("输入有误");
        assertThat(currentVersion(admin)).isEqualTo(1);

        // An elder whom a care plan names cannot go: the refusal names the reference.
        String named = demo.carePlansOrEmpty().get(0).elderId();
        ApiClient.Response delete = admin.request("DELETE", "/api/v1/registry/elders/" + named, null);
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.body().toString()).contains("carePlans[0].elderId");
        assertThat(currentVersion(admin)).isEqualTo(1);

        ApiClient.Response mismatch = put(admin, "/api/v1/registry/elders/E-OTHER", demo.eldersOrEmpty().get(0));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(currentVersion(admin)).isEqualTo(1);
    }

    private static List<String> fields(ApiClient.Response refused) {
        List<String> fields = new ArrayList<>();
        refused.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void anotherOrganisationSeesNoRegisterAsIfThereWereNone() throws Exception {
        ApiClient owner = newOrganisation().get(Role.ADMIN);
        put(owner, "/api/v1/registry", demo);
        ApiClient other = newOrganisation().get(Role.ADMIN);
        ApiClient empty = newOrganisation().get(Role.ADMIN);
        String elder = demo.eldersOrEmpty().get(0).id();
        for (String path : List.of("/api/v1/registry", "/api/v1/registry/versions/1", "/api/v1/registry/elders/" + elder)) {
            ApiClient.Response theirs = other.get(path);
            assertThat(theirs.status()).as(path).isEqualTo(404);
            assertThat(theirs.body()).as(path).isEqualTo(empty.get(path).body());
        }
        assertThat(other.get("/api/v1/registry/versions").body().get("versions")).isEmpty();
        assertThat(other.request("DELETE", "/api/v1/registry/elders/" + elder, null).status()).isEqualTo(404);
        assertThat(currentVersion(owner)).isEqualTo(1);
    }

    @Test
    void rolesReadAndWriteWhatTheyMay() throws Exception {
        Map<Role, ApiClient> org = newOrganisation();
        put(org.get(Role.DISPATCHER), "/api/v1/registry", demo);
        assertThat(currentVersion(org.get(Role.ADMIN))).isEqualTo(1);
        var kitchen = demo.kitchensOrEmpty().get(0);
        var subscription = demo.mealSubscriptionsOrEmpty().get(0);
        var elder = demo.eldersOrEmpty().get(0);

        ApiClient kitchenKey = org.get(Role.KITCHEN);
        assertThat(kitchenKey.get("/api/v1/registry").status()).isEqualTo(200);
        assertThat(put(kitchenKey, "/api/v1/registry", demo).status()).isEqualTo(403);
        assertThat(put(kitchenKey, "/api/v1/registry/elders/" + elder.id(), elder).status()).isEqualTo(403);
        assertThat(kitchenKey.request("DELETE", "/api/v1/registry/care-plans/CP1", null).status()).isEqualTo(403);
        ObjectNode bigger = JSON.valueToTree(kitchen);
        bigger.put("loadingMinutes", 7);
        assertThat(put(kitchenKey, "/api/v1/registry/kitchens/" + kitchen.id(), bigger).status()).isEqualTo(200);
        assertThat(put(kitchenKey, "/api/v1/registry/meal-subscriptions/" + subscription.id(), subscription)
                .status()).isEqualTo(200);
        assertThat(kitchenKey.request("DELETE", "/api/v1/registry/meal-subscriptions/" + subscription.id(), null)
                .status()).isEqualTo(200);
        assertThat(currentVersion(org.get(Role.ADMIN))).isEqualTo(4);

        ApiClient viewer = org.get(Role.VIEWER);
        assertThat(viewer.get("/api/v1/registry").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/registry/versions").status()).isEqualTo(200);
        assertThat(put(viewer, "/api/v1/registry/kitchens/" + kitchen.id(), kitchen).status()).isEqualTo(403);

        ApiClient worker = org.get(Role.WORKER);
        assertThat(worker.get("/api/v1/registry").status()).isEqualTo(403);
        assertThat(worker.get("/api/v1/registry/versions").status()).isEqualTo(403);
        assertThat(worker.get("/api/v1/registry/elders/" + elder.id()).status()).isEqualTo(403);
        assertThat(currentVersion(org.get(Role.ADMIN))).isEqualTo(4);
    }

    // ---- the register as a workbook ----------------------------------------------------------------------------

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static byte[] workbookOf(RegistryDocument registry, Messages messages) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RegistryFiles.writeWorkbook(registry, out, messages);
        return out.toByteArray();
    }

    static ApiClient.Response putWorkbook(ApiClient caller, byte[] workbook, String... headers) throws Exception {
        return caller.requestAs("PUT", "/api/v1/registry", workbook, XLSX, headers);
    }

    /** One cell of a workbook overwritten: sheet, row and column counted from 0 (row 0 is the header). */
    static byte[] edit(byte[] workbook, String sheet, int row, int column, Object value) throws Exception {
        try (var book = WorkbookFactory.create(new java.io.ByteArrayInputStream(workbook))) {
            var cell = book.getSheet(sheet).getRow(row).getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theRegisterGoesInAsAWorkbookAndComesOutAsOne() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        assertThat(admin.getBytes("/api/v1/registry/workbook").status()).isEqualTo(404);
        byte[] template = workbookOf(demo, Messages.chinese());

        ApiClient.Response stored = putWorkbook(admin, template);
        assertThat(stored.status()).as("%s", stored.body()).isEqualTo(201);
        assertThat(stored.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(stored.body().get("changes").get("carePlans").get("added")).hasSize(demo.carePlansOrEmpty().size());
        // What is stored is what the workbook reads as.
        RegistryDocument read = RegistryFiles.readWorkbook(new java.io.ByteArrayInputStream(template), "t.xlsx").document();
        assertThat(JSON.treeToValue(admin.get("/api/v1/registry").body(), RegistryDocument.class)).isEqualTo(read);

        // Out again: as a download, and by content type on the register itself; both read back to the register.
        ApiClient.Bytes download = admin.getBytes("/api/v1/registry/workbook");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo(XLSX);
        assertThat(download.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("attachment", "registry-v1.xlsx"));
        assertThat(RegistryFiles.readWorkbook(new java.io.ByteArrayInputStream(download.body()), "d.xlsx").document())
                .isEqualTo(read);
        ApiClient.Bytes negotiated = admin.getBytes("/api/v1/registry", "Accept", XLSX, "Accept-Language", "en");
        assertThat(negotiated.contentType()).isEqualTo(XLSX);
        try (var book = WorkbookFactory.create(new java.io.ByteArrayInputStream(negotiated.body()))) {
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("kitchens");   // English on request
        }
        assertThat(RegistryFiles.readWorkbook(new java.io.ByteArrayInputStream(negotiated.body()), "n.xlsx").document())
                .isEqualTo(read);
        // Without that Accept, the register stays registry.json.
        assertThat(admin.get("/api/v1/registry", "Accept", "*/*").contentType()).startsWith("application/json");

        // A stale workbook is refused before it is read.
        ApiClient.Response stale = putWorkbook(admin, template, "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(currentVersion(admin)).isEqualTo(1);
    }

    @Test
    void aBadWorkbookIs400NamingSheetRowAndColumnAndStoresNothing() throws Exception {
        ApiClient admin = newOrganisation().get(Role.ADMIN);
        byte[] good = workbookOf(demo, Messages.chinese());
        putWorkbook(admin, good);

        // Bad cells, every one at once.
        byte[] badCells = edit(edit(good, "订餐", 2, 6, "中午"), "照护计划", 1, 5, "两次");
        ApiClient.Response refused = putWorkbook(admin, badCells);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors")).hasSize(2);
        JsonNode first = refused.body().get("errors").get(0);
        assertThat(first.get("field").asText()).isEqualTo("订餐 第 3 行 送餐时段");
        assertThat(first.get("sheet").asText()).isEqualTo("订餐");
        assertThat(first.get("row").asText()).isEqualTo("3");
        assertThat(first.get("column").asText()).isEqualTo("送餐时段");
        assertThat(first.get("reason").asText()).contains("中午", "11:00-12:00");
        assertThat(refused.body().get("errors").get(1).get("field").asText()).isEqualTo("照护计划 第 2 行 每周次数");

        // A rule of the register, then the week unfolded (a home off the map): named by their cells too, in English.
        byte[] badRule = edit(edit(good, "照护计划", 1, 7, "周六"), "照护计划", 1, 5, 3);   // 3 times on Saturdays only
        ApiClient.Response rule = putWorkbook(admin, badRule, "Accept-Language", "en");
        assertThat(rule.status()).isEqualTo(400);
        assertThat(fields(rule)).contains("照护计划 row 2, column 每周次数");
        byte[] offTheMap = edit(good, "老人", 4, 4, 91.5);
        ApiClient.Response located = putWorkbook(admin, offTheMap);
        assertThat(located.status()).isEqualTo(400);
        assertThat(fields(located)).contains("老人 第 5 行 纬度");

        ApiClient.Response notAWorkbook = putWorkbook(admin, "elders".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notAWorkbook.status()).isEqualTo(400);
        assertThat(fields(notAWorkbook)).containsExactly("registry.xlsx");
        assertThat(currentVersion(admin)).isEqualTo(1);
    }

    @Test
    void theWorkbookHasTheRegistersRoles() throws Exception {
        Map<Role, ApiClient> org = newOrganisation();
        byte[] workbook = workbookOf(demo, Messages.chinese());
        assertThat(putWorkbook(org.get(Role.DISPATCHER), workbook).status()).isEqualTo(201);
        assertThat(putWorkbook(org.get(Role.KITCHEN), workbook).status()).isEqualTo(403);
        assertThat(putWorkbook(org.get(Role.VIEWER), workbook).status()).isEqualTo(403);
        assertThat(putWorkbook(org.get(Role.WORKER), workbook).status()).isEqualTo(403);
        for (Role reader : List.of(Role.ADMIN, Role.DISPATCHER, Role.KITCHEN, Role.VIEWER)) {
            assertThat(org.get(reader).getBytes("/api/v1/registry/workbook").status()).as("%s", reader).isEqualTo(200);
        }
        assertThat(org.get(Role.WORKER).getBytes("/api/v1/registry/workbook").status()).isEqualTo(403);
        assertThat(org.get(Role.WORKER).getBytes("/api/v1/registry", "Accept", XLSX).status()).isEqualTo(403);
        assertThat(currentVersion(org.get(Role.ADMIN))).isEqualTo(1);
    }
}
