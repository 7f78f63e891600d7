package io.careroute.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service records' store against a real database migrated by the real scripts (H2 and PostgreSQL run it alike):
 * versions are appended and never change, one stop cannot get the same version twice, one idempotency key is applied
 * once, lists hold current versions of the own organisation only.
 */
abstract class RecordStoreContract {

    static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");   // 10:00 in Shanghai
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String ORG = "default";
    static final String OTHER = "records-test-other";

    RecordStore records;
    Publications publications;
    PlanStore plans;
    JdbcClient jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from alert_acknowledgement").update();   // field-live (issue 17.3)
        jdbc.sql("delete from service_record").update();   // the test's own rows; the application never deletes
        jdbc.sql("delete from publication").update();
        jdbc.sql("delete from plan").update();
        jdbc.sql("delete from problem").update();
        if (jdbc.sql("select count(*) from organisation where id = :id").param("id", OTHER).query(Long.class).single() == 0) {
            jdbc.sql("insert into organisation (id, name, code, created_at) values (:id, :id, :id, current_timestamp)")
                    .param("id", OTHER).update();
        }
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        records = new RecordStore(jdbc);
        publications = new Publications(jdbc, transactions);
        plans = new PlanStore(jdbc, transactions);
        plan("p1", ORG, DAY);
        plan("p2", OTHER, DAY);
    }

    private void plan(String id, String organisation, LocalDate date) {
        ProblemDocument problem;
        try {
            problem = ProblemJson.mapper().readValue("{\"date\": \"" + date + "\"}", ProblemDocument.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        plans.create(new NewPlan(id, id + "-problem", problem, id, null, "zh", Duration.ofSeconds(1), 0, T0, null,
                organisation));
    }

    static RecordSubject subject(String task, String worker) {
        return new RecordSubject("p1", task, "p1", 1, DAY, worker, "E1", "VISIT", "CHECK_IN");
    }

    static ServiceRecord version(String id, int version, String task, String worker, RecordFacts facts,
                                 RecordAction action, String key, Instant at) {
        return new ServiceRecord(id, version, ORG, subject(task, worker), facts, new RecordChange(action, at,
                "account:a1", key, action == RecordAction.CORRECTION ? "wrong time" : null));
    }

    @Test
    void everyActionIsANewVersionAndEarlierVersionsStayAsTheyWere() {
        RecordFacts arrived = new RecordFacts(T0, null, null, null, null, null);
        RecordFacts done = new RecordFacts(T0, T0.plusSeconds(1800), 30, RecordOutcome.DONE, "血压正常", null);
        RecordFacts corrected = new RecordFacts(T0.minusSeconds(600), T0.plusSeconds(1800), 40, RecordOutcome.DONE,
                "血压正常", null);
        records.append(version("r1", 1, "V1", "C01", arrived, RecordAction.CHECK_IN, "k1", T0));
        records.append(version("r1", 2, "V1", "C01", done, RecordAction.CHECK_OUT, "k2", T0.plusSeconds(1800)));
        records.append(version("r1", 3, "V1", "C01", corrected, RecordAction.CORRECTION, null, T0.plusSeconds(3600)));

        ServiceRecord current = records.current(ORG, "p1", "V1").orElseThrow();
        assertThat(current.version()).isEqualTo(3);
        assertThat(current.facts()).isEqualTo(corrected);
        assertThat(current.change().reason()).isEqualTo("wrong time");
        assertThat(records.current(ORG, "r1")).contains(current);
        List<ServiceRecord> history = records.history(ORG, "r1");
        assertThat(history).extracting(ServiceRecord::version).containsExactly(1, 2, 3);
        assertThat(history.get(0).facts()).isEqualTo(arrived);
        assertThat(history.get(1).facts()).isEqualTo(done);
        assertThat(history.get(1).change()).isEqualTo(new RecordChange(RecordAction.CHECK_OUT, T0.plusSeconds(1800),
                "account:a1", "k2", null));
        assertThat(history.get(0).subject()).isEqualTo(subject("V1", "C01"));
        // Another organisation sees none of it.
        assertThat(records.current(OTHER, "r1")).isEmpty();
        assertThat(records.history(OTHER, "r1")).isEmpty();
        assertThat(records.current(OTHER, "p1", "V1")).isEmpty();
    }

    @Test
    void aStopCannotGetTheSameVersionTwiceNorAKeyBeAppliedTwice() {
        RecordFacts arrived = new RecordFacts(T0, null, null, null, null, null);
        records.append(version("r1", 1, "V1", "C01", arrived, RecordAction.CHECK_IN, "k1", T0));
        // Two first check-ins of one stop at once: the second loses, whatever its record id.
        assertThatThrownBy(() -> records.append(version("r2", 1, "V1", "C01", arrived, RecordAction.CHECK_IN, "k9", T0)))
                .isInstanceOf(DuplicateKeyException.class);
        // The same key again (a phone's retry), even on another stop: refused, and the first is found by its key.
        assertThatThrownBy(() -> records.append(version("r3", 1, "V2", "C01", arrived, RecordAction.CHECK_IN, "k1", T0)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(records.byIdempotencyKey(ORG, "k1").orElseThrow().recordId()).isEqualTo("r1");
        assertThat(records.byIdempotencyKey(OTHER, "k1")).isEmpty();
        assertThat(records.byIdempotencyKey(ORG, "k9")).isEmpty();
        assertThat(records.history(ORG, "r1")).hasSize(1);
        // Corrections may come without a key: several of them do not collide.
        records.append(version("r1", 2, "V1", "C01", arrived, RecordAction.CORRECTION, null, T0));
        records.append(version("r1", 3, "V1", "C01", arrived, RecordAction.CORRECTION, null, T0));
        assertThat(records.current(ORG, "r1").orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void listsHoldTheCurrentVersionsOfTheDaysAndTheWorkerAsked() {
        RecordFacts arrived = new RecordFacts(T0, null, null, null, null, null);
        RecordFacts notHome = new RecordFacts(T0, T0.plusSeconds(120), 2, RecordOutcome.NOT_HOME, null, "MEAL_NOT_TAKEN");
        records.append(version("r1", 1, "V1", "C01", arrived, RecordAction.CHECK_IN, "k1", T0));
        records.append(version("r1", 2, "V1", "C01", notHome, RecordAction.CHECK_OUT, "k2", T0));
        records.append(version("r2", 1, "V2", "C02", arrived, RecordAction.CHECK_IN, "k3", T0.plusSeconds(60)));
        records.append(new ServiceRecord("r9", 1, OTHER, new RecordSubject("p2", "V1", "p2", 1, DAY, "C01", "E1",
                "VISIT", null), arrived, new RecordChange(RecordAction.CHECK_IN, T0, "account:b1", "k1", null)));

        assertThat(records.list(ORG, DAY, DAY, null)).extracting(ServiceRecord::recordId, ServiceRecord::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", 2), org.assertj.core.groups.Tuple.tuple("r2", 1));
        assertThat(records.list(ORG, DAY, DAY, "C02")).extracting(ServiceRecord::recordId).containsExactly("r2");
        assertThat(records.list(ORG, DAY.plusDays(1), DAY.plusDays(9), null)).isEmpty();
        assertThat(records.list(OTHER, DAY.minusDays(1), DAY, null)).extracting(ServiceRecord::recordId)
                .containsExactly("r9");
        assertThat(records.alerts(ORG, DAY, DAY)).extracting(ServiceRecord::recordId).containsExactly("r1");
        assertThat(records.alerts(OTHER, DAY, DAY)).isEmpty();
    }

    @Test
    void theDaysPublishedPlansAreEachLineagesCurrentVersion() {
        plan("p1b", ORG, DAY);   // a re-plan of p1's day would be p1's lineage; here a second lineage of the day
        plan("p3", ORG, DAY.plusDays(1));
        publications.publish("p1", "p1", T0);
        publications.publish("p1b", "p1b", T0);
        publications.publish("p3", "p3", T0);
        publications.publish("p2", "p2", T0);
        assertThat(publications.currentOn(ORG, DAY)).extracting(Publication::planId).containsExactlyInAnyOrder("p1", "p1b");
        assertThat(publications.currentOn(OTHER, DAY)).extracting(Publication::planId).containsExactly("p2");
        assertThat(publications.currentOn(ORG, DAY.minusDays(1))).isEmpty();
    }

    // field-live (issue 17.3): alert acknowledgements and the day's stamp.
    @Test
    void anAlertIsAcknowledgedOncePerRecordAndTheDaysStampMovesWithEveryVersion() {
        AlertAcknowledgements acknowledgements = new AlertAcknowledgements(jdbc);
        RecordStamps stamps = new RecordStamps(jdbc);
        assertThat(stamps.of(ORG, "p1")).isEqualTo(new RecordStamps.Stamp(0, null));
        RecordFacts notHome = new RecordFacts(T0, T0.plusSeconds(120), 2, RecordOutcome.NOT_HOME, null, "MEAL_NOT_TAKEN");
        records.append(version("r1", 1, "V1", "C01", notHome, RecordAction.CHECK_OUT, "k1", T0));
        assertThat(stamps.of(ORG, "p1")).isEqualTo(new RecordStamps.Stamp(1, T0));
        records.append(version("r1", 2, "V1", "C01", notHome, RecordAction.CORRECTION, null, T0.plusSeconds(5)));
        assertThat(stamps.of(ORG, "p1")).isEqualTo(new RecordStamps.Stamp(2, T0.plusSeconds(5)));
        assertThat(stamps.of(OTHER, "p1").versions()).isZero();

        AlertAcknowledgement first = new AlertAcknowledgement("r1", 2, "MEAL_NOT_TAKEN", T0.plusSeconds(60),
                "account:d1", "zhang");
        acknowledgements.add(ORG, first);
        assertThatThrownBy(() -> acknowledgements.add(ORG, new AlertAcknowledgement("r1", 2, "MEAL_NOT_TAKEN",
                T0.plusSeconds(61), "account:d2", "li"))).isInstanceOf(DuplicateKeyException.class);
        assertThat(acknowledgements.of(ORG, "r1")).contains(first);
        assertThat(acknowledgements.of(OTHER, "r1")).isEmpty();
        assertThat(acknowledgements.onDays(ORG, DAY, DAY)).containsExactly(first);
        assertThat(acknowledgements.onDays(ORG, DAY.plusDays(1), DAY.plusDays(1))).isEmpty();
        assertThat(acknowledgements.onDays(OTHER, DAY, DAY)).isEmpty();
    }
}
