package io.careroute.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.careroute.api.config.PrivacyProperties;
import io.careroute.api.privacy.DataCipher;
import io.careroute.api.protection.DataMaintenance;
import io.careroute.api.protection.ElderErasure;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.week.WeekDocument;
import io.careroute.data.problem.ProblemJson;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19.1-3 on a real database migrated by the real scripts, H2 and PostgreSQL alike: the audit trail is
 * append-only, sealed data moves to a new key and stays readable, an erased elder is nowhere in the stored rows, and
 * the retention deletes old plans only. Each test works in an organisation of its own (the audit trail cannot be
 * emptied between tests: that is the point of it).
 */
abstract class TrustStoreContract {

    static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String NAME = "王秀英";
    static final String PHONE = "13800001234";
    static final String ADDRESS = "人民路 188 弄 7 号";

    String org;
    JdbcClient jdbc;
    TransactionTemplate transactions;
    DataSource dataSource;

    abstract DataSource dataSource();

    /** Whether the database itself refuses changes to the audit trail (PostgreSQL's trigger; not on H2). */
    abstract boolean trailGuardedByDatabase();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        org = "trust-" + shortId();
        jdbc.sql("insert into organisation (id, name, code, created_at) values (:id, :id, :id, current_timestamp)")
                .param("id", org).update();
    }

    /** Short enough for the 36 characters of an id column, with a suffix. */
    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    static DataCipher cipher(String current, String... ids) {
        Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            byte[] key = new byte[32];
            java.util.Arrays.fill(key, (byte) id.hashCode());
            if (id.equals("test")) {   // DataCipher.forTests(): what the stores' test constructors sealed with
                for (int i = 0; i < key.length; i++) {
                    key[i] = (byte) i;
                }
            }
            keys.put(id, key);
        }
        return new DataCipher(current, keys);
    }

    RegistryStore registers(DataCipher cipher) {
        return new RegistryStore(jdbc, transactions, Clock.fixed(T0, ZoneOffset.UTC), cipher);
    }

    static final String REGISTER = """
            {"timeZone": "Asia/Shanghai",
             "elders": [{"id": "E7", "name": "%s", "phone": "%s", "address": "%s",
                         "location": {"lat": 31.2301234, "lon": 121.4705678}, "priorityClasses": ["DISABLED"],
                         "careGrade": 4},
                        {"id": "E70", "name": "李建国"}],
             "kitchens": [{"id": "K1"}], "workers": [{"id": "W1"}],
             "mealSubscriptions": [{"id": "S7", "elderId": "E7", "kitchenId": "K1"},
                                   {"id": "S70", "elderId": "E70", "kitchenId": "K1"}]}""".formatted(NAME, PHONE,
            ADDRESS);

    @Test
    void theAuditTrailIsAppendOnlyAndFilteredPerOrganisation() {
        AuditStore audit = new AuditStore(jdbc);
        audit.append(event("account:a1", "PLAN", "p1", T0));
        audit.append(event("account:a2", "ELDER", "p:abc", T0.plusSeconds(60)));
        audit.append(event("account:a1", "PLAN", "p2", T0.plusSeconds(120)));
        Page<AuditEvent> all = audit.page(org, new AuditStore.Filter(null, null, null, null, null), 0, 2);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(AuditEvent::resourceId).containsExactly("p2", "p:abc");   // newest first
        assertThat(audit.page(org, new AuditStore.Filter("PLAN", "p1", null, null, null), 0, 10).items())
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("account:a1");
                    assertThat(e.remoteAddress()).isEqualTo("127.0.0.1");
                    assertThat(e.userAgent()).isEqualTo("test-agent");
                    assertThat(e.at()).isEqualTo(T0);
                });
        assertThat(audit.page(org, new AuditStore.Filter(null, null, "account:a1", T0.plusSeconds(1), null), 0, 10)
                .items()).extracting(AuditEvent::resourceId).containsExactly("p2");
        assertThat(audit.page(org, new AuditStore.Filter(null, null, null, null, T0.plusSeconds(60)), 0, 10)
                .items()).extracting(AuditEvent::resourceId).containsExactly("p1");
        assertThat(audit.page("another-organisation", new AuditStore.Filter(null, null, null, null, null), 0, 10)
                .total()).isZero();
        if (trailGuardedByDatabase()) {
            assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'account:x' where organisation_id = :org")
                    .param("org", org).update()).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from audit_event where organisation_id = :org")
                    .param("org", org).update()).hasMessageContaining("append-only");
            assertThat(audit.page(org, new AuditStore.Filter(null, null, null, null, null), 0, 10).total())
                    .isEqualTo(3);
        }
    }

    private AuditEvent event(String actor, String type, String id, Instant at) {
        return new AuditEvent(0, org, at, actor, "ADMIN", "READ", "GET", "/api/v1/plans/{id}", type, id, 200,
                "127.0.0.1", "test-agent");
    }

    @Test
    void sealedRowsMoveToTheNewKeyInTheBackgroundAndStayReadable() {
        DataCipher k1 = cipher("k1", "k1");
        RegistryStore before = registers(k1);
        before.append(org, null, RegistryStoreContract.registry(REGISTER), "account:a1");
        before.append(org, 1, RegistryStoreContract.registry(REGISTER.replace("\"careGrade\": 4", "\"careGrade\": 5")),
                "account:a1");
        RecordStore recordsBefore = new RecordStore(jdbc, k1);
        String recordId = shortId();
        recordsBefore.append(record(recordId, "E7", "老人说" + NAME + "的腿疼"));
        // At rest: no name, phone, health class or note in the clear.
        String raw = jdbc.sql("select document from registry_version where organisation_id = :org and version = 1")
                .param("org", org).query(String.class).single();
        assertThat(raw).startsWith("cr1:k1:").doesNotContain(NAME, PHONE, ADDRESS, "DISABLED", "careGrade");
        assertThat(jdbc.sql("select note from service_record where record_id = :id").param("id", recordId)
                .query(String.class).single()).startsWith("cr1:k1:").doesNotContain(NAME);

        // Rotation: k2 is the current key, k1 still read. New writes use k2; old rows read as before.
        DataCipher rotated = cipher("k2", "k1", "k2", "test");   // "test": the other tests' rows in this database
        RegistryStore during = registers(rotated);
        RecordStore recordsDuring = new RecordStore(jdbc, rotated);
        during.append(org, 2, RegistryStoreContract.registry(REGISTER), "account:a1");
        assertThat(keyOf(3)).isEqualTo("k2");
        assertThat(keyOf(1)).isEqualTo("k1");
        assertThat(during.version(org, 1).orElseThrow().document().eldersOrEmpty().get(0).name()).isEqualTo(NAME);

        PrivacyProperties properties = new PrivacyProperties(null, null, null, true, 0, Duration.ofMinutes(10));
        DataMaintenance maintenance = new DataMaintenance(during, recordsDuring, new StoredDocuments(jdbc, rotated),
                new TimeBankStore(jdbc, transactions, rotated), new Retention(jdbc, transactions), properties,
                Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(maintenance.reencryptAll()).isGreaterThanOrEqualTo(3);
        assertThat(maintenance.reencryptAll()).isZero();   // nothing left under k1
        assertThat(jdbc.sql("select document from registry_version where organisation_id = :org").param("org", org)
                .query(String.class).list()).hasSize(3).allMatch(document -> document.startsWith("cr1:k2:"));
        assertThat(jdbc.sql("select note from service_record where record_id = :id").param("id", recordId)
                .query(String.class).single()).startsWith("cr1:k2:");

        // k1 retired: everything still opens with k2 alone.
        DataCipher after = cipher("k2", "k2");
        for (int version = 1; version <= 3; version++) {
            assertThat(registers(after).version(org, version).orElseThrow().document().eldersOrEmpty().get(0).phone())
                    .isEqualTo(PHONE);
        }
        assertThat(new RecordStore(jdbc, after).current(org, recordId).orElseThrow().facts().note())
                .isEqualTo("老人说" + NAME + "的腿疼");
        // A ciphertext moved to another row does not open.
        jdbc.sql("update registry_version set document = (select document from registry_version r where "
                + "r.organisation_id = :org and r.version = 1) where organisation_id = :org and version = 2")
                .param("org", org).update();
        assertThatThrownBy(() -> registers(after).version(org, 2)).hasMessageContaining("does not open");
    }

    private String keyOf(int version) {
        String document = jdbc.sql("select document from registry_version where organisation_id = :org"
                        + " and version = :v")
                .param("org", org).param("v", version).query(String.class).single();
        return document.split(":")[1];   // cr1:<key id>:...
    }

    private ServiceRecord record(String id, String elder, String note) {
        return new ServiceRecord(id, 1, org, new RecordSubject("l-" + id, "V7", "p-" + id, 1, DAY, "W1", elder,
                "VISIT", "CHECK_IN"), new RecordFacts(T0, T0.plusSeconds(1800), 30, RecordOutcome.DONE, note, null),
                new RecordChange(RecordAction.CHECK_OUT, T0, "account:a1", null, null));
    }

    @Test
    void anErasedElderIsNowhereInTheStoredRowsAndTheirRecordsStayAnonymous() {
        DataCipher cipher = cipher("k1", "k1");
        RegistryStore registers = registers(cipher);
        registers.append(org, null, RegistryStoreContract.registry(REGISTER), "account:a1");
        registers.append(org, 1, RegistryStoreContract.registry(REGISTER.replace(PHONE, "13900009999")),
                "account:a1");
        PlanStore plans = new PlanStore(jdbc, transactions);
        String planId = shortId();
        plans.create(new NewPlan(planId, planId + "-problem", problem(), planId, null, "zh", Duration.ofSeconds(1),
                0, T0, null, org));
        RecordStore records = new RecordStore(jdbc, cipher);
        String recordId = shortId();
        records.append(record(recordId, "E7", NAME + "不在家"));
        String otherRecord = shortId();
        records.append(new ServiceRecord(otherRecord, 1, org, new RecordSubject("l2", "V70", planId, 1, DAY, "W1",
                "E70", "VISIT", "CHECK_IN"), new RecordFacts(T0, null, null, null, "正常", null),
                new RecordChange(RecordAction.CHECK_IN, T0, "account:a1", null, null)));

        ElderErasure erasure = new ElderErasure(registers, new StoredDocuments(jdbc), records, transactions);
        ElderErasure.Erased erased = erasure.erase(org, "E7", "已删除的老人", "account:a1").orElseThrow();
        assertThat(erased.registerVersions()).isEqualTo(2);
        assertThat(erased.documents()).isPositive();
        assertThat(erased.records()).isEqualTo(1);
        assertThat(erasure.erase(org, "E7", "已删除的老人", "account:a1")).isEmpty();   // gone: nothing to erase

        // The register: gone from every version, with the subscription that named them; the others stay.
        for (int version = 1; version <= 2; version++) {
            var document = registers.version(org, version).orElseThrow().document();
            assertThat(document.eldersOrEmpty()).extracting(e -> e.id()).containsExactly("E70");
            assertThat(document.mealSubscriptionsOrEmpty()).extracting(s -> s.id()).containsExactly("S70");
        }
        assertThat(registers.versions(org).toString()).doesNotContain("E7,", "E7]");
        // The stored problem: no name, phone, address or id; the other elder untouched.
        assertThat(jdbc.sql("select document from problem where id = :id").param("id", planId + "-problem")
                .query(String.class).single()).startsWith("cr1:test:");   // sealed again after the rewrite
        String problem = JsonText.write(plans.problem(planId + "-problem").orElseThrow());
        assertThat(problem).doesNotContain(NAME, PHONE, "13900009999", ADDRESS, "\"E7\"", "31.2301234")
                .contains("李建国", "\"E70\"", erased.anonymousId());
        // The record: anonymous, no note; what was done and how long stays.
        ServiceRecord anonymous = records.current(org, recordId).orElseThrow();
        assertThat(anonymous.subject().elderId()).isEqualTo(erased.anonymousId());
        assertThat(anonymous.facts().note()).isNull();
        assertThat(anonymous.facts().minutes()).isEqualTo(30);
        assertThat(anonymous.facts().outcome()).isEqualTo(RecordOutcome.DONE);
        assertThat(records.current(org, otherRecord).orElseThrow().facts().note()).isEqualTo("正常");

        // Nothing of them anywhere in the organisation's rows, read as the application reads them.
        List<String> everything = new ArrayList<>();
        for (var version : registers.versions(org)) {
            everything.add(ProblemJson.mapper().valueToTree(registers.version(org, version.version()).orElseThrow())
                    .toString());
        }
        new StoredDocuments(jdbc).rewriteAll(org, json -> {
            everything.add(json);
            return json;
        });
        records.history(org, recordId).forEach(r -> everything.add(r.toString()));
        assertThat(String.join("\n", everything)).doesNotContain(NAME, PHONE, "13900009999", ADDRESS, "\"E7\"");
    }

    private static ProblemDocument problem() {
        try {
            return ProblemJson.mapper().readValue("""
                    {"date": "%s", "elders": [{"id": "E7", "name": "%s", "phone": "%s", "address": "%s",
                                              "location": {"lat": 31.2301234, "lon": 121.4705678}},
                                             {"id": "E70", "name": "李建国", "location": {"lat": 31.2, "lon": 121.4}}],
                     "visits": [{"id": "V7", "elderId": "E7"}, {"id": "V70", "elderId": "E70"}]}"""
                    .formatted(DAY, NAME, PHONE, ADDRESS), ProblemDocument.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issue 19.2: the plans' documents — a day's problem, its plan, task order, routes, changes and events, a week's
     * document and days — hold every elder's name, phone, address, home and priority class. At rest (the raw column
     * text, as anyone with the database reads it) none of it is in the clear; the application reads them as stored;
     * a row stored before sealing still reads and is sealed by the re-encryption; a rotation moves them all.
     */
    @Test
    void thePlansDocumentsAreSealedAtRestReadAsStoredAndMoveToTheNewKey() {
        DemoDocuments demo = DemoDocuments.get();
        DataCipher k1 = cipher("k1", "k1");
        PlanStore plans = new PlanStore(jdbc, transactions, k1);
        WeekStore weeks = new WeekStore(jdbc, transactions, plans, new Publications(jdbc, transactions));
        String day = shortId();
        String replan = shortId();
        String week = shortId();
        String legacy = shortId();
        int tasks = demo.plan.tasks().size();
        plans.create(new NewPlan(day, day + "-problem", demo.problem, day, null, "zh", Duration.ofSeconds(30), tasks,
                T0, null, org));
        plans.claim(day, "A", T0.plusSeconds(1)).orElseThrow();
        ProgressSnapshot best = new ProgressSnapshot(Duration.ofSeconds(2), demo.score, true,
                demo.plan.totals().unassigned(), List.of(new ProgressPoint(900, demo.score)), demo.order, demo.plan);
        assertThat(plans.finish(day, "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(3), best, demo.routes,
                demo.changes, null))).isTrue();
        plans.create(new NewPlan(replan, replan + "-problem", demo.problem, day, day, "zh", Duration.ofSeconds(5),
                tasks, T0.plusSeconds(20), demo.events, org));
        int version = registers(k1).append(org, null, RegistryStoreContract.registry(REGISTER), "account:a1").version();
        transactions.executeWithoutResult(status -> {
            plans.create(new NewPlan(week, week + "-problem", demo.problem, week, null, "zh", Duration.ofSeconds(30),
                    tasks, T0, null, org));
            weeks.create(new NewWeek(week, org, version, DAY, 7, null, null, null, T0));
        });
        plans.claim(week, "A", T0.plusSeconds(1)).orElseThrow();
        WeekDocument weekDocument = new WeekDocument(DAY, 7, "Asia/Shanghai", CoordinateSystemName.WGS84,
                demo.score, true, List.of(new WeekDocument.CarePlanLine("CP1", "E01", 2, 1,
                List.of(new WeekDocument.PlannedVisit("CP1@" + DAY, DAY, "C01")), null)),
                new WeekDocument.Continuity(3, 2, 0.667), List.of(new WeekDocument.WorkerLine("C01", 7.5, 10.0)),
                List.of(new WeekDocument.DayLine(DAY, 97, 95, null, true)));
        assertThat(plans.finish(week, "A", new FinishedPlan(PlanStatus.SOLVED, T0.plusSeconds(3),
                new ProgressSnapshot(Duration.ofSeconds(2), demo.score, true, 0, List.of(), demo.order, null,
                        weekDocument), null, null, null,
                List.of(new WeekDayResult(DAY, demo.problem, demo.plan, demo.order, demo.routes))))).isTrue();
        // A problem stored before its documents were sealed: plain JSON, as an upgraded database holds it.
        jdbc.sql("""
                insert into problem (id, organisation_id, created_at, plan_date, tasks, workers, document)
                values (:id, :org, :at, :date, 1, 1, :document)""")
                .param("id", legacy).param("org", org).param("at", JsonText.utc(T0)).param("date", DAY)
                .param("document", JsonText.write(demo.problem)).update();

        // At rest: every document sealed with k1, nothing personal or of health in the clear.
        List<String> atRest = rawDocuments(day, replan, week, legacy);
        assertThat(atRest).hasSize(15).filteredOn(raw -> !raw.startsWith("cr1:")).hasSize(1);   // the legacy row
        assertThat(atRest).filteredOn(raw -> raw.startsWith("cr1:")).hasSize(14).allSatisfy(raw -> {
            assertThat(raw).startsWith("cr1:k1:");
            assertNothingPersonalIn(raw, demo.problem);
        });
        String plain = jdbc.sql("select document from problem where id = :id").param("id", legacy)
                .query(String.class).single();
        assertThat(plain).contains("priorityClass");   // the scan below would see a plain document

        // Read as stored, the legacy row too.
        assertThat(plans.problem(day + "-problem")).contains(demo.problem);
        assertThat(plans.problem(legacy)).contains(demo.problem);
        StoredPlan solved = plans.find(day).orElseThrow();
        assertThat(solved.plan()).isEqualTo(demo.plan);
        assertThat(solved.bestRoutes()).isEqualTo(demo.order);
        assertThat(solved.changes()).isEqualTo(demo.changes);
        assertThat(plans.routes(day)).isPresent();
        assertThat(plans.eventsOf(replan).orElseThrow().events()).isEqualTo(demo.events);
        assertThat(plans.find(week).orElseThrow().week()).isEqualTo(weekDocument);
        assertThat(weeks.days(week)).singleElement().satisfies(d -> {
            assertThat(d.day().problem()).isEqualTo(demo.problem);
            assertThat(d.day().plan()).isEqualTo(demo.plan);
            assertThat(d.day().taskOrder()).isEqualTo(demo.order);
        });
        // A sealed problem moved into another row does not open.
        jdbc.sql("update problem set document = (select document from problem where id = :from) where id = :to")
                .param("from", day + "-problem").param("to", replan + "-problem").update();
        assertThatThrownBy(() -> plans.problem(replan + "-problem")).hasMessageContaining("does not open");
        jdbc.sql("update problem set document = :plain where id = :id").param("id", replan + "-problem")
                .param("plain", JsonText.write(demo.problem)).update();   // stored plain again, for the rotation

        // A time-bank transfer's note (free text: "for her hospital stay") is sealed the same way.
        String holder = "W-" + shortId();
        new TimeBankStore(jdbc, transactions, k1).append(List.of(new TimeBankEntry(org, holder, 1,
                TimeBankEntry.Kind.TRANSFER_OUT, -100, 0, null, null, null, null, null, "F1", "t1", NAME + "住院",
                T0, "account:a1", null)));
        String rawNote = jdbc.sql("select note from time_bank_entry where organisation_id = :org and holder_id = :h")
                .param("org", org).param("h", holder).query(String.class).single();
        assertThat(rawNote).startsWith("cr1:k1:").doesNotContain(NAME);

        // Rotation: k2 current, k1 still read; the re-encryption seals the legacy row and moves the rest to k2.
        DataCipher rotated = cipher("k2", "k1", "k2", "test");   // "test": the other tests' rows in this database
        DataMaintenance maintenance = new DataMaintenance(registers(rotated), new RecordStore(jdbc, rotated),
                new StoredDocuments(jdbc, rotated), new TimeBankStore(jdbc, transactions, rotated),
                new Retention(jdbc, transactions),
                new PrivacyProperties(null, null, null, true, 0, Duration.ofMinutes(10)), Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(maintenance.reencryptAll()).isGreaterThanOrEqualTo(15);
        assertThat(maintenance.reencryptAll()).isZero();
        assertThat(rawDocuments(day, replan, week, legacy)).hasSize(15).allSatisfy(raw -> {
            assertThat(raw).startsWith("cr1:k2:");
            assertNothingPersonalIn(raw, demo.problem);
        });
        assertThat(jdbc.sql("select note from time_bank_entry where organisation_id = :org and holder_id = :h")
                .param("org", org).param("h", holder).query(String.class).single()).startsWith("cr1:k2:");
        // k1 retired: everything opens with k2 alone.
        assertThat(new TimeBankStore(jdbc, transactions, cipher("k2", "k2")).last(org, holder).orElseThrow().note())
                .isEqualTo(NAME + "住院");
        PlanStore after = new PlanStore(jdbc, transactions, cipher("k2", "k2"));
        assertThat(after.problem(legacy)).contains(demo.problem);
        assertThat(after.problem(replan + "-problem")).contains(demo.problem);
        assertThat(after.find(day).orElseThrow().plan()).isEqualTo(demo.plan);
        assertThat(after.eventsOf(replan).orElseThrow().events()).isEqualTo(demo.events);
        assertThat(new WeekStore(jdbc, transactions, after, new Publications(jdbc, transactions)).days(week))
                .singleElement().satisfies(d -> assertThat(d.day().problem()).isEqualTo(demo.problem));
    }

    /** The raw text of every document column of these plans' rows (problems, plans, events, week days). */
    private List<String> rawDocuments(String day, String replan, String week, String legacy) {
        List<String> raw = new ArrayList<>();
        raw.addAll(jdbc.sql("select document from problem where id in (:ids)")
                .param("ids", List.of(day + "-problem", replan + "-problem", week + "-problem", legacy))
                .query(String.class).list());
        for (String column : List.of("plan_document", "routes", "best_routes", "changes", "week_document")) {
            raw.addAll(jdbc.sql("select " + column + " from plan where id in (:ids) and " + column + " is not null")
                    .param("ids", List.of(day, replan, week)).query(String.class).list());
        }
        raw.addAll(jdbc.sql("select document from replan_event where replan_id = :id").param("id", replan)
                .query(String.class).list());
        for (String column : List.of("problem", "plan_document", "task_order", "routes")) {
            raw.addAll(jdbc.sql("select " + column + " from week_day where week_id = :id and " + column
                    + " is not null").param("id", week).query(String.class).list());
        }
        return raw;
    }

    /** No elder's name, phone, address, home coordinate or priority class in {@code raw}. */
    private static void assertNothingPersonalIn(String raw, ProblemDocument problem) {
        assertThat(raw).doesNotContain("priorityClass", "DISABLED", "VERY_OLD", "ALONE", "EMPTY_NEST", "HARDSHIP",
                "elders", "phone", "address");
        for (var elder : problem.eldersOrEmpty()) {
            for (String value : new String[] {elder.name(), elder.phone(), elder.address(),
                    elder.location() == null ? null : String.valueOf(elder.location().lat())}) {
                if (value != null && value.length() >= 2) {
                    assertThat(raw).doesNotContain(value);
                }
            }
        }
    }

    @Test
    void theRetentionDeletesOnlyFinishedPlansOlderThanItsDays() {
        PlanStore plans = new PlanStore(jdbc, transactions);
        String old = shortId();
        String oldReplan = shortId();
        String recent = shortId();
        String oldButSolving = shortId();
        Instant now = T0.plus(Duration.ofDays(400));
        plans.create(new NewPlan(old, old + "-problem", problem(), old, null, "zh", Duration.ofSeconds(1), 0,
                T0, null, org));
        plans.create(new NewPlan(oldReplan, oldReplan + "-problem", problem(), old, old, "zh", Duration.ofSeconds(1),
                0, T0.plusSeconds(60), null, org));
        plans.create(new NewPlan(recent, recent + "-problem", problem(), recent, oldReplan, "zh",
                Duration.ofSeconds(1), 0, now.minus(Duration.ofDays(10)), null, org));
        plans.create(new NewPlan(oldButSolving, oldButSolving + "-problem", problem(), oldButSolving, null, "zh",
                Duration.ofSeconds(1), 0, T0, null, org));
        jdbc.sql("update plan set status = 'SOLVED' where id in (:ids)").param("ids", List.of(old, oldReplan, recent))
                .update();
        new Publications(jdbc, transactions).publish(old, old, T0.plusSeconds(10));
        RecordStore records = new RecordStore(jdbc, DataCipher.forTests());
        String recordId = shortId();
        records.append(new ServiceRecord(recordId, 1, org, new RecordSubject(old, "V7", old, 1, DAY, "W1", "E7",
                "VISIT", "CHECK_IN"), new RecordFacts(T0, null, null, null, null, null),
                new RecordChange(RecordAction.CHECK_IN, T0, "account:a1", null, null)));

        PrivacyProperties keep = new PrivacyProperties(null, null, null, true, 0, Duration.ofMinutes(10));
        PrivacyProperties days30 = new PrivacyProperties(null, null, null, true, 30, Duration.ofMinutes(10));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        assertThat(maintenance(keep, clock).applyRetention()).isZero();
        assertThat(plans.find(old)).isPresent();

        assertThat(maintenance(days30, clock).applyRetention()).isEqualTo(2);
        assertThat(plans.find(old)).isEmpty();
        assertThat(plans.find(oldReplan)).isEmpty();
        assertThat(plans.problem(old + "-problem")).isEmpty();
        assertThat(plans.find(recent)).hasValueSatisfying(p -> assertThat(p.replanOf()).isNull());
        assertThat(plans.find(oldButSolving)).isPresent();   // still queued: never deleted under a solver
        assertThat(records.current(org, recordId)).isPresent();   // records outlive their plan, for statistics
        assertThat(maintenance(days30, clock).applyRetention()).isZero();
    }

    private DataMaintenance maintenance(PrivacyProperties properties, Clock clock) {
        return new DataMaintenance(registers(DataCipher.forTests()), new RecordStore(jdbc), new StoredDocuments(jdbc),
                new TimeBankStore(jdbc, transactions), new Retention(jdbc, transactions), properties, clock);
    }
}
