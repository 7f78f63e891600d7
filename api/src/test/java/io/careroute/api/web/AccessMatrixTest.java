package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.careroute.api.access.ApiKeys;
import io.careroute.api.store.AccessStore;
import io.careroute.api.store.Role;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.testing.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.servlet.WebMvcEndpointHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Access over real HTTP against one real server holding real solved plans of two organisations: every endpoint the
 * server maps (taken from Spring's handler mapping, so a new endpoint without a row here fails) × every role × the
 * caller's own organisation's data, another organisation's data, and no credentials. Another organisation's plan,
 * user or key answers exactly as one that does not exist.
 */
class AccessMatrixTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final Set<Role> ALL = Set.of(Role.values());
    static final Set<Role> READERS = Set.of(Role.ADMIN, Role.DISPATCHER, Role.KITCHEN, Role.VIEWER);
    static final Set<Role> PLANNERS = Set.of(Role.ADMIN, Role.DISPATCHER, Role.KITCHEN);
    static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    static final Set<Role> REGISTRARS = Set.of(Role.ADMIN, Role.DISPATCHER);
    static final Set<Role> RECORDERS = Set.of(Role.ADMIN, Role.DISPATCHER, Role.WORKER);
    static final Set<Role> WORKER = Set.of(Role.WORKER);

    /** Mappings outside /api: public documentation and Spring's error page. */
    static final Set<String> PUBLIC = Set.of("GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config",
            "GET /swagger-ui.html", "* /error");

    /** What the id of a row's path stands for. */
    enum Target { NONE, PLAN, USER, KEY, DEMO_JOB, REGISTRY_ENTRY, WEEK, RECORD }

    /**
     * One endpoint: who may call it, the status an allowed caller gets on their own organisation's data (the body,
     * where there is one, is refused input: it proves the request got past access without starting solves), and
     * the status a KITCHEN gets when it differs (the plans here have home visits).
     */
    record Row(String method, String path, Set<Role> allowed, int own, Integer kitchen, Target target, String body,
               String contentType) {

        Row(String method, String path, Set<Role> allowed, int own, Integer kitchen, Target target, String body) {
            this(method, path, allowed, own, kitchen, target, body, null);
        }
    }

    static final List<Row> MATRIX = List.of(
            new Row("GET", "/api/v1/me", ALL, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/users", ADMIN, 200, null, Target.NONE, null),
            new Row("POST", "/api/v1/users", ADMIN, 400, null, Target.NONE, "{}"),
            new Row("POST", "/api/v1/users/{id}/disable", ADMIN, 200, null, Target.USER, null),
            new Row("POST", "/api/v1/users/{id}/enable", ADMIN, 200, null, Target.USER, null),
            new Row("GET", "/api/v1/api-keys", ADMIN, 200, null, Target.NONE, null),
            new Row("POST", "/api/v1/api-keys", ADMIN, 400, null, Target.NONE, "{}"),
            new Row("DELETE", "/api/v1/api-keys/{id}", ADMIN, 200, null, Target.KEY, null),
            new Row("POST", "/api/v1/plans", PLANNERS, 400, null, Target.NONE, "{}"),
            new Row("GET", "/api/v1/plans", ALL, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/plans/{id}", ALL, 200, null, Target.PLAN, null),
            new Row("GET", "/api/v1/plans/{id}/progress", ALL, 200, null, Target.PLAN, null),
            new Row("GET", "/api/v1/plans/{id}/routes", ALL, 200, null, Target.PLAN, null),
            new Row("GET", "/api/v1/plans/{id}/sheets", ALL, 200, null, Target.PLAN, null),
            new Row("GET", "/api/v1/plans/{id}/sheets.xlsx", ALL, 200, null, Target.PLAN, null),
            // A check stores nothing; it answers every worker's stops, so not to a WORKER.
            new Row("POST", "/api/v1/plans/{id}/check", READERS, 400, null, Target.PLAN, "{}"),
            // Offered slots for a new visit (recommend): the dispatcher's and admin's, as adding a visit to the day.
            new Row("POST", "/api/v1/plans/{id}/recommendations", REGISTRARS, 400, null, Target.PLAN, "{}"),
            new Row("GET", "/api/v1/plans/{id}/problem", READERS, 200, null, Target.PLAN, null),
            new Row("GET", "/api/v1/plans/{id}/events", READERS, 200, null, Target.PLAN, null),
            new Row("POST", "/api/v1/plans/{id}/stop", PLANNERS, 409, 403, Target.PLAN, null),
            new Row("POST", "/api/v1/plans/{id}/resume", PLANNERS, 409, 403, Target.PLAN, null),
            new Row("POST", "/api/v1/plans/{id}/publish", PLANNERS, 200, 403, Target.PLAN, null),
            new Row("POST", "/api/v1/plans/{id}/events", PLANNERS, 400, 403, Target.PLAN, "{}"),
            // desk-edit (#16.3): publishing a hand-edited order, as publishing ("{}" leaves every task out: 400)
            new Row("POST", "/api/v1/plans/{id}/edits", PLANNERS, 400, 403, Target.PLAN, "{}"),
            new Row("POST", "/api/v1/coverage", READERS, 400, null, Target.NONE, "{}"),
            new Row("POST", "/api/v1/coverage/geojson", READERS, 400, null, Target.NONE, "{}"),
            new Row("GET", "/api/v1/demo/problem", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/demo/coverage", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/demo/coverage/geojson", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/demo/job", ALL, 200, null, Target.DEMO_JOB, null),
            new Row("GET", "/api/v1/network/roads", ALL, 200, null, Target.NONE, null),
            // Each organisation keeps the demo register (version 1), whose ids are not E1: reads of an entry E1 are
            // 404, and writes are refused input.
            new Row("GET", "/api/v1/registry", READERS, 200, null, Target.NONE, null),
            new Row("PUT", "/api/v1/registry", REGISTRARS, 400, null, Target.NONE, "{\"elders\": [{}]}"),
            // The register as a workbook: a file that is no workbook is refused input, by the same roles.
            new Row("PUT", "/api/v1/registry", REGISTRARS, 400, null, Target.NONE, "not a workbook",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            new Row("GET", "/api/v1/registry/workbook", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/registry/versions", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/registry/versions/{version}", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/registry/kitchens/{id}", READERS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("PUT", "/api/v1/registry/kitchens/{id}", PLANNERS, 400, null, Target.REGISTRY_ENTRY, "{}"),
            new Row("DELETE", "/api/v1/registry/kitchens/{id}", PLANNERS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("GET", "/api/v1/registry/meal-subscriptions/{id}", READERS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("PUT", "/api/v1/registry/meal-subscriptions/{id}", PLANNERS, 400, null, Target.REGISTRY_ENTRY, "{}"),
            new Row("DELETE", "/api/v1/registry/meal-subscriptions/{id}", PLANNERS, 404, null, Target.REGISTRY_ENTRY,
                    null),
            new Row("GET", "/api/v1/registry/elders/{id}", READERS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("PUT", "/api/v1/registry/elders/{id}", REGISTRARS, 400, null, Target.REGISTRY_ENTRY, "{}"),
            new Row("DELETE", "/api/v1/registry/elders/{id}", REGISTRARS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("GET", "/api/v1/registry/workers/{id}", READERS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("PUT", "/api/v1/registry/workers/{id}", REGISTRARS, 400, null, Target.REGISTRY_ENTRY, "{}"),
            new Row("DELETE", "/api/v1/registry/workers/{id}", REGISTRARS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("GET", "/api/v1/registry/care-plans/{id}", READERS, 404, null, Target.REGISTRY_ENTRY, null),
            new Row("PUT", "/api/v1/registry/care-plans/{id}", REGISTRARS, 400, null, Target.REGISTRY_ENTRY, "{}"),
            new Row("DELETE", "/api/v1/registry/care-plans/{id}", REGISTRARS, 404, null, Target.REGISTRY_ENTRY, null),
            // Weeks: planned and published by those who keep the register, read by its readers; each organisation
            // has a solved week of its demo register.
            new Row("GET", "/api/v1/weeks", READERS, 200, null, Target.NONE, null),
            new Row("POST", "/api/v1/weeks", REGISTRARS, 400, null, Target.NONE, "{\"days\": 0}"),
            new Row("GET", "/api/v1/weeks/{id}", READERS, 200, null, Target.WEEK, null),
            new Row("POST", "/api/v1/weeks/{id}/stop", REGISTRARS, 409, null, Target.WEEK, null),
            new Row("POST", "/api/v1/weeks/{id}/resume", REGISTRARS, 409, null, Target.WEEK, null),
            new Row("POST", "/api/v1/weeks/{id}/publish", REGISTRARS, 200, null, Target.WEEK, null),
            new Row("POST", "/api/v1/weeks/{id}/replan", REGISTRARS, 400, null, Target.WEEK, "{}"),
            // Service records: a worker records their own stop ({taskId} is the organisation's worker's), a
            // dispatcher for them; without an Idempotency-Key the request is refused input. Each organisation has a
            // record of its worker's (Target.RECORD); a correction without a reason is refused input.
            new Row("POST", "/api/v1/plans/{id}/tasks/{taskId}/check-in", RECORDERS, 400, null, Target.PLAN, "{}"),
            new Row("POST", "/api/v1/plans/{id}/tasks/{taskId}/check-out", RECORDERS, 400, null, Target.PLAN, "{}"),
            new Row("GET", "/api/v1/plans/{id}/record-events", READERS, 200, null, Target.PLAN, null),
            new Row("GET", "/api/v1/records", ALL, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/records/workbook", ALL, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/records/alerts", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/records/{id}", ALL, 200, null, Target.RECORD, null),
            new Row("POST", "/api/v1/records/{id}/corrections", REGISTRARS, 400, null, Target.RECORD, "{}"),
            new Row("GET", "/api/v1/field/day", WORKER, 200, null, Target.NONE, null),
            // Live day (issue 17.3, field-live): the live view is read like the record events; an alert is
            // acknowledged by those who dispatch (the record here raised none: 409 past access).
            new Row("GET", "/api/v1/plans/{id}/live", READERS, 200, null, Target.PLAN, null),
            new Row("POST", "/api/v1/records/{id}/acknowledge", REGISTRARS, 409, null, Target.RECORD, null),
            // field-figures (issue 17.4, 17.5): the time bank ({volunteerId} is the organisation's WORKER's own id:
            // a worker reads their own statement; withdrawals and transfers without an Idempotency-Key are refused
            // input), its rules an admin's; the outcome figures of a month and of a plan for the console's readers.
            new Row("GET", "/api/v1/timebank", REGISTRARS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/timebank/rules", ADMIN, 200, null, Target.NONE, null),
            new Row("PUT", "/api/v1/timebank/rules", ADMIN, 400, null, Target.NONE, "{}"),
            new Row("GET", "/api/v1/timebank/{volunteerId}", RECORDERS, 200, null, Target.NONE, null),
            new Row("POST", "/api/v1/timebank/{volunteerId}/withdrawals", REGISTRARS, 400, null, Target.NONE, "{}"),
            new Row("POST", "/api/v1/timebank/{volunteerId}/transfers", REGISTRARS, 400, null, Target.NONE, "{}"),
            new Row("GET", "/api/v1/reports/outcomes", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/reports/outcomes.xlsx", READERS, 200, null, Target.NONE, null),
            new Row("GET", "/api/v1/plans/{id}/outcomes", READERS, 200, null, Target.PLAN, null),
            // trust (issue 19.1, 19.3): the audit trail and an elder's erasure, ADMIN only (E1 is no elder: 404)
            new Row("GET", "/api/v1/audit", ADMIN, 200, null, Target.NONE, null),
            new Row("POST", "/api/v1/registry/elders/{id}/erasure", ADMIN, 404, null, Target.REGISTRY_ENTRY, null),
            // The actuator (taken from its own handler mapping): health and its probes open to anyone (the status;
            // the parts to an ADMIN), everything else about the whole instance for an ADMIN only.
            new Row("GET", "/actuator/health", ALL, 200, null, Target.NONE, null),
            new Row("GET", "/actuator/health/**", ALL, 200, null, Target.NONE, null),
            new Row("GET", "/actuator", ADMIN, 200, null, Target.NONE, null),
            new Row("GET", "/actuator/prometheus", ADMIN, 200, null, Target.NONE, null),
            new Row("GET", "/actuator/metrics", ADMIN, 200, null, Target.NONE, null),
            new Row("GET", "/actuator/metrics/{requiredMetricName}", ADMIN, 200, null, Target.NONE, null));

    /** Rows that answer a caller without credentials as they answer an allowed one: the platform's probes. */
    static final Set<String> OPEN = Set.of("GET /actuator/health", "GET /actuator/health/**");

    /** One organisation's callers and data. */
    static final class Org {
        final String name;
        final Map<Role, ApiClient> callers = new EnumMap<>(Role.class);
        String planId;
        String weekId;
        String userId;
        String keyId;
        String workerId;
        String taskId;      // a task of workerId's in planId
        String recordId;    // a service record of workerId's

        Org(String name) {
            this.name = name;
        }
    }

    static TestServer server;
    static ApiClient admin;
    static final Org demo = new Org("demo");
    static final Org other = new Org("other street");

    @BeforeAll
    static void twoOrganisationsWithSolvedPlans() throws Exception {
        server = TestServer.start(Path.of(TestServer.freshDataDir("access")), "careroute.demo=true",
                "careroute.solve-seconds=2", "careroute.replan-seconds=2");
        admin = server.api;
        // The second organisation and its first admin key, as `careroute create-admin` or a bootstrap would make them.
        String otherId = server.context.getBean(AccessStore.class).organisationNamedOrNew(other.name).id();
        ApiClient otherAdmin = admin.as(server.context.getBean(ApiKeys.class)
                .create(otherId, "first admin", Role.ADMIN, null).secret());

        demo.planId = admin.get("/api/v1/demo/job").body().get("id").asText();
        ProblemDocument problem = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                LocalDate.of(2026, 11, 24));
        other.planId = otherAdmin.post("/api/v1/plans", ProblemJson.write(problem), null).body().get("id").asText();
        RegistryDocument register = DemoRegistry.from(DemoProblem.generate(TestNetwork.demo(),
                DemoStreetGenerator.DEFAULT_SEED, LocalDate.of(2026, 12, 7)));
        for (var org : List.of(Map.entry(demo, admin), Map.entry(other, otherAdmin))) {
            ApiClient orgAdmin = org.getValue();
            Org o = org.getKey();
            assertThat(orgAdmin.request("PUT", "/api/v1/registry", ApiClient.json(register)).status()).isEqualTo(201);
            ApiClient.Response week = orgAdmin.postWith("/api/v1/weeks", ApiClient.json(Map.of("from", "2026-12-07", "days", 3,
                    "seconds", 2)));
            assertThat(week.status()).as("%s", week.body()).isEqualTo(202);
            o.weekId = week.body().get("id").asText();
        }
        for (var org : List.of(Map.entry(demo, admin), Map.entry(other, otherAdmin))) {
            ApiClient orgAdmin = org.getValue();
            Org o = org.getKey();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!ApiClient.ended(orgAdmin.get("/api/v1/weeks/" + o.weekId).body()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(orgAdmin.get("/api/v1/weeks/" + o.weekId).body().get("status").asText()).isEqualTo("SOLVED");
            JsonNode plan = orgAdmin.waitFor(o.planId, ApiClient::ended, WAIT);
            assertThat(plan.get("status").asText()).isEqualTo("SOLVED");
            o.workerId = busiestWorker(plan.get("plan"));
            for (Role role : Role.values()) {
                o.callers.put(role, role == Role.ADMIN ? orgAdmin : orgAdmin.as(createKey(orgAdmin, role.name(),
                        role == Role.WORKER ? o.workerId : null).get("key").asText()));
            }
            o.userId = orgAdmin.postWith("/api/v1/users", ApiClient.json(Map.of("username", "victim-" + UUID.randomUUID()
                    .toString().substring(0, 8), "password", "a long enough password", "role", "VIEWER"))).body()
                    .get("id").asText();
            o.keyId = createKey(orgAdmin, "VIEWER", null).get("id").asText();
            o.taskId = firstTaskOf(plan.get("plan"), o.workerId);
        }
        // A record of each organisation's worker, on a published plan of a past day (the demo job plans tomorrow,
        // whose stops cannot be recorded yet; the other organisation's plan is of 2026-11-24 already).
        ProblemDocument past = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                LocalDate.of(2026, 11, 24));
        String demoPast = admin.post("/api/v1/plans", ProblemJson.write(past), null).body().get("id").asText();
        for (var org : List.of(Map.entry(demo, demoPast), Map.entry(other, other.planId))) {
            Org o = org.getKey();
            ApiClient orgAdmin = o.callers.get(Role.ADMIN);
            JsonNode plan = orgAdmin.waitFor(org.getValue(), ApiClient::ended, WAIT).get("plan");
            assertThat(orgAdmin.post("/api/v1/plans/" + org.getValue() + "/publish", new byte[0], null).status())
                    .isEqualTo(200);
            ApiClient.Response record = orgAdmin.postWith("/api/v1/plans/" + org.getValue() + "/tasks/"
                    + firstTaskOf(plan, o.workerId) + "/check-in", ApiClient.json(Map.of("at", "2026-11-24T10:00:00+08:00")),
                    "Idempotency-Key", "access-" + UUID.randomUUID());
            assertThat(record.status()).as("%s", record.body()).isEqualTo(201);
            o.recordId = record.body().get("id").asText();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theMatrixHasARowForEveryEndpointTheServerMaps() {
        Set<String> mapped = new TreeSet<>();
        Set<String> outside = new TreeSet<>();
        RequestMappingHandlerMapping mapping = server.context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            for (String path : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? Set.of("*") : methods) {
                    (path.startsWith("/api/") ? mapped : outside).add(method + " " + path);
                }
            }
        }
        // The actuator's endpoints have their own handler mapping: every one exposed needs a row too.
        WebMvcEndpointHandlerMapping actuator = server.context.getBean(WebMvcEndpointHandlerMapping.class);
        for (RequestMappingInfo info : actuator.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            for (String path : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? Set.of("*") : methods) {
                    mapped.add(method + " " + path);
                }
            }
        }
        Set<String> rows = new TreeSet<>();
        MATRIX.forEach(row -> rows.add(row.method() + " " + row.path()));
        assertThat(rows).as("rows of the access matrix").isEqualTo(mapped);
        assertThat(PUBLIC).as("mappings outside /api must be public documentation").containsAll(outside);
    }

    @Test
    void everyEndpointTimesEveryRoleOnOwnAndAnotherOrganisationsData() throws Exception {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : MATRIX) {
            for (Org org : List.of(demo, other)) {
                Org foreign = org == demo ? other : demo;
                ApiClient.Response anonymous = call(org.callers.get(Role.ADMIN).anonymous(), row, org);
                cells++;
                expect(wrong, row, "anonymous", "", anonymous,
                        OPEN.contains(row.method() + " " + row.path()) ? row.own() : 401);
                for (Role role : Role.values()) {
                    ApiClient caller = org.callers.get(role);
                    boolean allowed = row.allowed().contains(role);
                    int own = !allowed ? 403 : role == Role.KITCHEN && row.kitchen() != null ? row.kitchen()
                            : row.target() == Target.DEMO_JOB && org != demo ? 404 : row.own();
                    expect(wrong, row, role + "@" + org.name, "own", call(caller, row, org), own);
                    cells++;
                    if (row.target() == Target.PLAN || row.target() == Target.USER || row.target() == Target.KEY
                            || row.target() == Target.WEEK || row.target() == Target.RECORD) {
                        ApiClient.Response theirs = call(caller, row, foreign);
                        ApiClient.Response absent = call(caller, row, null);
                        cells += 2;
                        expect(wrong, row, role + "@" + org.name, "another organisation's", theirs, allowed ? 404 : 403);
                        expect(wrong, row, role + "@" + org.name, "absent", absent, allowed ? 404 : 403);
                        if (theirs.body() != null && absent.body() != null) {
                            // Nothing tells the two apart but the id in the text.
                            String id = idOf(row, foreign);
                            String fake = idOf(row, null);
                            String task = "/tasks/" + foreign.taskId + "/";   // the path names a task too
                            if (!theirs.body().toString().replace(id, fake).replace(task, "/tasks/V0/")
                                    .equals(absent.body().toString())) {
                                wrong.add(row.method() + " " + row.path() + " as " + role + ": another organisation's "
                                        + "answer differs from an absent one: " + theirs.body() + " vs " + absent.body());
                            }
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("cells with the wrong status (of %d)", cells).isEmpty();
    }

    @Test
    void listsHoldOnlyTheOwnOrganisationsPlans() throws Exception {
        for (Org org : List.of(demo, other)) {
            Org foreign = org == demo ? other : demo;
            for (Role role : Role.values()) {
                Set<String> ids = new HashSet<>();
                org.callers.get(role).get("/api/v1/plans?size=100").body().get("items")
                        .forEach(item -> ids.add(item.get("id").asText()));
                assertThat(ids).as(role + "@" + org.name).contains(org.planId).doesNotContain(foreign.planId);
            }
        }
    }

    @Test
    void weekListsHoldOnlyTheOwnOrganisationsWeeks() throws Exception {
        for (Org org : List.of(demo, other)) {
            Org foreign = org == demo ? other : demo;
            for (Role role : READERS) {
                Set<String> ids = new HashSet<>();
                org.callers.get(role).get("/api/v1/weeks?size=100").body().get("items")
                        .forEach(item -> ids.add(item.get("id").asText()));
                assertThat(ids).as(role + "@" + org.name).contains(org.weekId).doesNotContain(foreign.weekId);
            }
            // A week's job is no plan: the plan endpoints answer for it as for an unknown id.
            assertThat(org.callers.get(Role.ADMIN).get("/api/v1/plans/" + org.weekId).status()).isEqualTo(404);
        }
    }

    @Test
    void aWorkerSeesOnlyTheirOwnRoute() throws Exception {
        JsonNode full = admin.get("/api/v1/plans/" + demo.planId).body().get("plan");
        ProblemDocument problem = ProblemJson.mapper().treeToValue(
                admin.get("/api/v1/plans/" + demo.planId + "/problem").body(), ProblemDocument.class);
        Set<String> ownTasks = new TreeSet<>();
        for (JsonNode route : full.get("workers")) {
            if (route.get("id").asText().equals(demo.workerId)) {
                route.get("stops").forEach(stop -> {
                    if (stop.hasNonNull("taskId")) {
                        ownTasks.add(stop.get("taskId").asText());
                    }
                });
            }
        }
        assertThat(ownTasks).isNotEmpty();
        ApiClient worker = demo.callers.get(Role.WORKER);

        JsonNode seen = worker.get("/api/v1/plans/" + demo.planId).body().get("plan");
        assertThat(seen.get("workers")).hasSize(1);
        assertThat(seen.get("workers").get(0)).isEqualTo(routeOf(full, demo.workerId));
        Set<String> seenTasks = new TreeSet<>();
        Set<String> ownElders = new HashSet<>();
        for (JsonNode task : seen.get("tasks")) {
            assertThat(task.get("assignedTo").asText()).isEqualTo(demo.workerId);
            seenTasks.add(task.get("id").asText());
            ownElders.add(task.get("elderId").asText());
        }
        assertThat(seenTasks).isEqualTo(ownTasks);
        // The figures are their own route's: their tasks, nothing unassigned, one worker, their route's travel.
        JsonNode totals = seen.get("totals");
        JsonNode ownRoute = routeOf(full, demo.workerId).get("totals");
        assertThat(totals.get("assigned").asInt()).isEqualTo(ownTasks.size());
        assertThat(totals.get("unassigned").asInt()).isZero();
        assertThat(totals.get("workersUsed").asInt()).isEqualTo(1);
        assertThat(totals.get("travelMetres").asLong()).isEqualTo(ownRoute.get("travelMetres").asLong());
        assertThat(seen.hasNonNull("places")).as("the place report lists every home").isFalse();
        for (JsonNode line : seen.get("constraints")) {
            line.get("taskIds").forEach(id -> assertThat(ownTasks).contains(id.asText()));
        }

        JsonNode routes = worker.get("/api/v1/plans/" + demo.planId + "/routes").body();
        assertThat(routes.get("features")).isNotEmpty();
        routes.get("features").forEach(f -> assertThat(f.get("properties").get("workerId").asText()).isEqualTo(demo.workerId));

        String sheets = sheets(worker, demo.planId);
        for (ElderDoc elder : problem.eldersOrEmpty()) {
            if (elder.phone() == null) {
                continue;
            }
            if (ownElders.contains(elder.id())) {
                assertThat(sheets).contains(elder.phone());
            } else {
                assertThat(sheets).as("another worker's elder on the worker's sheet").doesNotContain(elder.phone());
            }
        }
        assertThat(worker.get("/api/v1/plans/" + demo.planId + "/problem").status()).isEqualTo(403);
    }

    // ---- trust-docs (issue 19.2, minimum necessary): the elders' classes in a plan's problem and on route sheets ----

    /**
     * The priority class (disabled, very old, living alone...: health and social status) and the gender requirement
     * of a plan's elders are for those who keep the register (ADMIN, DISPATCHER); a KITCHEN plans meals to doors and
     * a VIEWER reads, neither needs them (nor a VIEWER the phone). No route sheet names a class, whoever prints it.
     */
    @Test
    void theEldersClassesInAPlansProblemAreOnlyForThoseWhoKeepTheRegisterAndOnNoSheet() throws Exception {
        JsonNode full = admin.get("/api/v1/plans/" + demo.planId + "/problem").body();
        assertThat(full.get("elders").findValues("priorityClass")).anyMatch(c -> !c.isNull());
        for (Role role : List.of(Role.ADMIN, Role.DISPATCHER, Role.KITCHEN, Role.VIEWER)) {
            JsonNode problem = demo.callers.get(role).get("/api/v1/plans/" + demo.planId + "/problem").body();
            assertThat(problem.get("elders")).as(role.name()).hasSameSizeAs(full.get("elders"));
            assertThat(problem.get("elders").findValuesAsText("name")).as(role.name())
                    .isEqualTo(full.get("elders").findValuesAsText("name"));
            assertThat(problem.get("visits")).as(role.name()).isEqualTo(full.get("visits"));
            boolean keepsTheRegister = role == Role.ADMIN || role == Role.DISPATCHER;
            if (keepsTheRegister) {
                assertThat(problem).as(role.name()).isEqualTo(full);
            } else {
                assertThat(problem.get("elders").findValues("priorityClass")).as(role.name()).allMatch(JsonNode::isNull);
                assertThat(problem.get("elders").findValues("requiredWorkerGender")).as(role.name())
                        .allMatch(JsonNode::isNull);
                if (role == Role.KITCHEN) {   // it takes meals to the door
                    assertThat(problem.get("elders").findValues("phone")).isEqualTo(full.get("elders").findValues("phone"));
                } else {
                    assertThat(problem.get("elders").findValues("phone")).as(role.name()).allMatch(JsonNode::isNull);
                }
            }
        }
        for (Role role : Role.values()) {
            assertThat(sheets(demo.callers.get(role), demo.planId)).as(role.name())
                    .doesNotContain("失能", "高龄", "独居", "困难", "空巢");
        }
    }

    @Test
    void aKitchenPlansMealsButIsRefusedHomeVisitsNamingTheField() throws Exception {
        ApiClient kitchen = demo.callers.get(Role.KITCHEN);
        ProblemDocument day = DemoProblem.generate(TestNetwork.demo(), DemoStreetGenerator.DEFAULT_SEED,
                LocalDate.of(2026, 11, 25));
        ApiClient.Response refused = kitchen.post("/api/v1/plans", ProblemJson.write(day), "en");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("visits");
        assertThat(refused.body().get("errors").get(0).get("reason").asText()).contains("meal");

        ProblemDocument meals = new ProblemDocument(day.date(), day.timeZone(), day.coordinateSystem(), day.kitchens(),
                day.elders(), day.workers(), day.deliveries(), List.of());
        ApiClient.Response accepted = kitchen.post("/api/v1/plans", ProblemJson.write(meals), null);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        assertThat(kitchen.waitFor(id, ApiClient::ended, WAIT).get("status").asText()).isEqualTo("SOLVED");
        assertThat(kitchen.post("/api/v1/plans/" + id + "/publish", new byte[0], null).status()).isEqualTo(200);
    }

    @Test
    void refusalsAreProblemDetailsInChineseOrEnglish() throws Exception {
        ApiClient.Response chinese = admin.anonymous().get("/api/v1/plans");
        assertThat(chinese.status()).isEqualTo(401);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        assertThat(chinese.body().get("title").asText()).isEqualTo("需要登录");
        assertThat(chinese.body().get("errors").get(0).get("field").asText()).isEqualTo("Authorization");
        ApiClient.Response english = admin.anonymous().get("/api/v1/plans", "Accept-Language", "en");
        assertThat(english.body().get("title").asText()).isEqualTo("Authentication required");
        ApiClient.Response forbidden = demo.callers.get(Role.VIEWER).post("/api/v1/plans/" + demo.planId + "/stop",
                new byte[0], "en");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.body().get("detail").asText()).contains("VIEWER");
        assertThat(forbidden.body().toString()).doesNotContain("Exception", "\tat ");
        assertThat(admin.as("cr_not-a-key").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aRevokedKeyAndADisabledUserAreLockedOutAtOnce() throws Exception {
        JsonNode key = createKey(admin, "VIEWER", null);
        ApiClient viewer = admin.as(key.get("key").asText());
        assertThat(viewer.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(admin.request("DELETE", "/api/v1/api-keys/" + key.get("id").asText(), null).body()
                .get("revokedAt").isNull()).isFalse();
        assertThat(viewer.get("/api/v1/me").status()).isEqualTo(401);
        JsonNode listed = admin.get("/api/v1/api-keys").body();
        assertThat(listed.toString()).doesNotContain(key.get("key").asText());

        String password = "another long password";
        JsonNode user = admin.postWith("/api/v1/users", ApiClient.json(Map.of("username", "dispatcher-two", "password", password,
                "role", "DISPATCHER"))).body();
        assertThat(basic("dispatcher-two@demo", password, "/api/v1/me")).isEqualTo(200);
        assertThat(basic("dispatcher-two@demo", "wrong password", "/api/v1/me")).isEqualTo(401);
        admin.postWith("/api/v1/users/" + user.get("id").asText() + "/disable", new byte[0]);
        assertThat(basic("dispatcher-two@demo", password, "/api/v1/me")).isEqualTo(401);
    }

    @Test
    void thePageLogsInWithASessionCookieAndNeedsTheCsrfTokenToChangeAnything() throws Exception {
        String password = "a page user password";
        admin.postWith("/api/v1/users", ApiClient.json(Map.of("username", "page-dispatcher", "password", password,
                "role", "DISPATCHER")));
        BrowserSession browser = new BrowserSession(port());
        assertThat(browser.get("/").statusCode()).isEqualTo(302);          // to the login page
        assertThat(browser.get("/login.html").statusCode()).isEqualTo(200);
        assertThat(browser.login("page-dispatcher@demo", "wrong password").headers().firstValue("Location").orElse(""))
                .contains("/login.html?error");
        HttpResponse<String> loggedIn = browser.login("page-dispatcher@demo", password);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.get("/api/v1/me").body()).contains("page-dispatcher", "DISPATCHER");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String publish = "/api/v1/plans/" + demo.planId + "/publish";
        assertThat(browser.post(publish, false).statusCode()).isEqualTo(403);   // no CSRF token: refused
        assertThat(browser.post(publish, true).statusCode()).isEqualTo(200);
        assertThat(browser.post("/logout", true).statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static ApiClient.Response call(ApiClient caller, Row row, Org owner) throws Exception {
        String path = (row.path().contains("{id}") ? row.path().replace("{id}", idOf(row, owner)) : row.path())
                .replace("{version}", "1").replace("{taskId}", owner == null ? "V0" : owner.taskId)
                .replace("/actuator/health/**", "/actuator/health/readiness")
                .replace("{requiredMetricName}", "careroute.solve.outcomes")
                .replace("{volunteerId}", owner == null ? "V0" : owner.workerId);   // field-figures
        byte[] body = row.body() == null ? (row.method().equals("POST") ? new byte[0] : null)
                : row.body().getBytes(StandardCharsets.UTF_8);
        return row.contentType() == null ? caller.request(row.method(), path, body)
                : caller.requestAs(row.method(), path, body, row.contentType());
    }

    /** The id the row's path takes for an organisation's data, or an id nobody has (owner null). */
    private static String idOf(Row row, Org owner) {
        if (owner == null) {
            return "00000000-0000-4000-8000-000000000000";
        }
        return switch (row.target()) {
            case PLAN -> owner.planId;
            case USER -> owner.userId;
            case KEY -> owner.keyId;
            case WEEK -> owner.weekId;
            case RECORD -> owner.recordId;
            case REGISTRY_ENTRY -> "E1";
            default -> "";
        };
    }

    private static void expect(List<String> wrong, Row row, String who, String data, ApiClient.Response response,
                               int status) {
        if (response.status() != status) {
            wrong.add(row.method() + " " + row.path() + " as " + who + " on " + data + " data: " + response.status()
                    + " instead of " + status + " " + (response.body() == null ? "" : response.body().path("errors")));
        } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": " + status + " is not problem details");
        }
    }

    private static JsonNode createKey(ApiClient admin, String role, String workerId) throws Exception {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("name", role.toLowerCase() + " key");
        key.put("role", role);
        if (workerId != null) {
            key.put("workerId", workerId);
        }
        ApiClient.Response created = admin.postWith("/api/v1/api-keys", ApiClient.json(key));
        assertThat(created.status()).as("key creation: %s", created.body()).isEqualTo(201);
        return created.body();
    }

    private static String busiestWorker(JsonNode plan) {
        String busiest = null;
        int most = -1;
        for (JsonNode route : plan.get("workers")) {
            if (route.get("stops").size() > most) {
                most = route.get("stops").size();
                busiest = route.get("id").asText();
            }
        }
        return busiest;
    }

    private static String firstTaskOf(JsonNode plan, String workerId) {
        for (JsonNode stop : routeOf(plan, workerId).get("stops")) {
            if (stop.hasNonNull("taskId")) {
                return stop.get("taskId").asText();
            }
        }
        throw new AssertionError("no task of " + workerId);
    }

    private static JsonNode routeOf(JsonNode plan, String workerId) {
        for (JsonNode route : plan.get("workers")) {
            if (route.get("id").asText().equals(workerId)) {
                return route;
            }
        }
        throw new AssertionError("no route of " + workerId);
    }

    private static int port() {
        return ((org.springframework.boot.web.context.WebServerApplicationContext) server.context).getWebServer().getPort();
    }

    private static String sheets(ApiClient caller, String planId) throws Exception {
        // ApiClient reads JSON; the sheets are HTML.
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port()
                        + "/api/v1/plans/" + planId + "/sheets")).header("X-API-Key", caller.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int basic(String user, String password, String path) throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** What a browser does: cookies (the session and XSRF-TOKEN), form login, the token sent back as a header. */
    static final class BrowserSession {
        private final java.net.CookieManager cookies = new java.net.CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";   // as a browser asks
        private final String base;

        BrowserSession(int port) {
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", HTML).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String user, String password) throws Exception {
            get("/login.html");
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token());
            return http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Accept", HTML)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, boolean withToken) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", HTML)
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (withToken) {
                request.header("X-XSRF-TOKEN", token());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        }

        private static String enc(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
