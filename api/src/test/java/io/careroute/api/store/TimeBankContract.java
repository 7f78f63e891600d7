package io.careroute.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import io.careroute.api.access.Caller;
import io.careroute.api.timebank.TimeBank;
import io.careroute.api.timebank.TimeBankRefusal;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.solver.domain.TaskKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time bank on a real database migrated by the real scripts (H2 and PostgreSQL alike), through the real service:
 * a volunteer's records are credited once, a correction by a new entry, paid staff and unserved stops earn nothing,
 * the rules (rate, travel, rounding, cap, transfers) apply, withdrawals and transfers keep their keys, and two
 * withdrawals racing for one balance cannot both take it.
 */
abstract class TimeBankContract {

    static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");   // 10:00 in Shanghai
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String ORG = "default";
    static final Caller DISPATCHER = new Caller(ORG, "d", Role.DISPATCHER, null, false, "a1");

    TimeBankStore store;
    TimeBank bank;
    RecordStore records;
    RegistryStore registry;
    JdbcClient jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        for (String table : List.of("time_bank_entry", "time_bank_checked", "time_bank_rules", "service_record", "publication", "plan",
                "problem", "registry_version")) {
            jdbc.sql("delete from " + table).update();   // the test's own rows; the application never deletes
        }
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Clock clock = Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC);
        PlanStore plans = new PlanStore(jdbc, transactions);
        store = new TimeBankStore(jdbc, transactions);
        records = new RecordStore(jdbc);
        registry = new RegistryStore(jdbc, transactions, clock);
        bank = new TimeBank(store, plans, registry, clock);
        solvedPlan(plans);
        registry.append(ORG, null, new RegistryDocument(null, null, List.of(),
                List.of(new RegistryElder("E1", null, null, null, null, null, null, null, null, null, null, null)),
                List.of(new RegistryWorker("V01", WorkerRole.VOLUNTEER, null, null, null, null, null, null, null, null,
                        null, null, null, null, null)), List.of(), List.of()), "account:a1");
    }

    /** Plan p1: volunteer V01 does T1 (10 min from the previous stop) and T3, care worker C01 does T2. */
    private static void solvedPlan(PlanStore plans) {
        ProblemDocument problem = new ProblemDocument(DAY, "Asia/Shanghai", null, List.of(), List.of(),
                List.of(worker("V01", WorkerRole.VOLUNTEER), worker("C01", WorkerRole.CARE_WORKER)), List.of(),
                List.of());
        OffsetDateTime ten = T0.atOffset(ZoneOffset.ofHours(8));
        PlanDocument plan = new PlanDocument("0hard/0medium/0soft", true, "Asia/Shanghai", null,
                new PlanDocument.PlanTotals(3, 3, 0, 0, 3, 2, 0, 0, 0),
                List.of(new PlanDocument.WorkerRoute("V01", null, 0, null, null, null, List.of(
                        new PlanDocument.Stop(PlanDocument.StopKind.VISIT, "T1", null, null, 600, 0, ten, ten, ten, 0, 0),
                        new PlanDocument.Stop(PlanDocument.StopKind.VISIT, "T3", null, null, 300, 0, ten, ten, ten, 0,
                                0)), null)),
                List.of(task("T1", "V01"), task("T2", "C01"), task("T3", "V01")), List.of());
        plans.createSolved(new NewPlan("p1", "p1-problem", problem, "p1", null, "zh", Duration.ofSeconds(1), 3, T0,
                null, ORG), plan, Map.of(), Map.of());
    }

    static WorkerDoc worker(String id, WorkerRole role) {
        return new WorkerDoc(id, role, null, null, null, null, null, null, null, null, null, null);
    }

    static PlanDocument.TaskOutcome task(String id, String worker) {
        return new PlanDocument.TaskOutcome(id, TaskKind.VISIT, "E1", List.of(), 1800, null, null, null, worker, null,
                null);
    }

    /** Version {@code version} of task's record, checked out after {@code minutes} with {@code outcome}. */
    void record(String task, String worker, int version, int minutes, RecordOutcome outcome) {
        records.append(new ServiceRecord("r-" + task, version, ORG,
                new RecordSubject("p1", task, "p1", 1, DAY, worker, "E1", "VISIT", "CHECK_IN"),
                new RecordFacts(T0, T0.plusSeconds(minutes * 60L), minutes, outcome, null, null),
                new RecordChange(version == 1 ? RecordAction.CHECK_OUT : RecordAction.CORRECTION,
                        T0.plusSeconds(version), "account:a1", null, null)));
    }

    List<TimeBankEntry> ledger(String holder) {
        return store.entries(ORG, holder, Instant.EPOCH, T0.plusSeconds(86_400));
    }

    void rules(int coinsPerHourCenti, boolean travel, int step, TimeBankRules.Rounding rounding, boolean transfers,
               long capCenti) {
        store.saveRules(ORG, new TimeBankRules(0, coinsPerHourCenti, travel, step, rounding, transfers, capCenti, null,
                null), T0, "account:a1");
    }

    @Test
    void aVolunteersServedRecordIsCreditedOnceAndACorrectionByANewEntry() {
        record("T1", "V01", 1, 45, RecordOutcome.DONE);
        record("T2", "C01", 1, 60, RecordOutcome.DONE);      // paid staff: no coins
        record("T3", "V01", 1, 5, RecordOutcome.NOT_HOME);   // no service: no coins
        bank.accrueAll(ORG);       // the dispatcher's list: every record not credited yet
        bank.accrue(ORG, "V01");
        bank.accrue(ORG, "C01");
        // The records that earn nothing are looked at once: nothing of them is pending any more.
        assertThat(store.uncredited(ORG, null)).isEmpty();
        assertThat(jdbc.sql("select count(*) from time_bank_checked").query(Long.class).single()).isEqualTo(2L);
        assertThat(ledger("V01")).extracting(TimeBankEntry::seq, TimeBankEntry::kind, TimeBankEntry::amountCenti,
                TimeBankEntry::balanceCenti, TimeBankEntry::recordVersion)
                .containsExactly(tuple(1, TimeBankEntry.Kind.CREDIT, 75L, 75L, 1));
        assertThat(ledger("C01")).isEmpty();

        record("T1", "V01", 2, 90, RecordOutcome.DONE);      // a dispatcher corrects the time
        bank.accrue(ORG, "V01");
        record("T1", "V01", 3, 90, RecordOutcome.REFUSED);   // ... and then the outcome: nothing was served
        bank.accrue(ORG, "V01");
        assertThat(ledger("V01")).extracting(TimeBankEntry::kind, TimeBankEntry::amountCenti,
                TimeBankEntry::balanceCenti, TimeBankEntry::dueCenti)
                .containsExactly(tuple(TimeBankEntry.Kind.CREDIT, 75L, 75L, 75L),
                        tuple(TimeBankEntry.Kind.RECREDIT, 75L, 150L, 150L),
                        tuple(TimeBankEntry.Kind.RECREDIT, -150L, 0L, 0L));
    }

    @Test
    void theCreditsOfManyRecordsAreReadInAFewQueriesAndEachRecordGetsItsOwn() {
        int count = TimeBankStore.RECORDS_PER_QUERY * 2 + 7;   // three queries, the last a short one
        List<TimeBankEntry> entries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new TimeBankEntry(ORG, "V01", i + 1, TimeBankEntry.Kind.CREDIT, 10 + i, 10L * (i + 1),
                    "r-" + i, 1, DAY, 10L + i, 0L, null, null, null, T0, "system", null));
            ids.add("r-" + i);
        }
        // A second version's credit of one record, and a record never credited.
        entries.add(new TimeBankEntry(ORG, "V01", count + 1, TimeBankEntry.Kind.RECREDIT, 5, 0, "r-3", 2, DAY, 18L,
                0L, null, null, null, T0, "system", null));
        store.append(entries);
        ids.add("r-none");
        ids.add("r-3");   // asked twice: read once

        Map<String, List<TimeBankEntry>> credits = store.creditsOf(ORG, ids);

        assertThat(credits).hasSize(count).doesNotContainKey("r-none");
        assertThat(credits.get("r-700")).extracting(TimeBankEntry::amountCenti).containsExactly(710L);
        assertThat(credits.get("r-3")).extracting(TimeBankEntry::recordVersion, TimeBankEntry::kind)
                .containsExactly(tuple(1, TimeBankEntry.Kind.CREDIT), tuple(2, TimeBankEntry.Kind.RECREDIT));
        assertThat(store.creditsOf("another-org", ids)).isEmpty();
    }

    @Test
    void theRulesRateTravelAndRoundingApply() {
        rules(200, true, 30, TimeBankRules.Rounding.NEAREST, false, 150_000);
        record("T1", "V01", 1, 45, RecordOutcome.DONE);      // 45 + 10 travel = 55, nearest half hour 60, 2 an hour
        bank.accrue(ORG, "V01");
        assertThat(ledger("V01")).extracting(TimeBankEntry::amountCenti).containsExactly(200L);
        assertThat(new TimeBankRules(0, 100, false, 15, TimeBankRules.Rounding.DOWN, false, 0, null, null)
                .creditCenti(44)).isEqualTo(50L);
        assertThat(new TimeBankRules(0, 100, false, 15, TimeBankRules.Rounding.UP, false, 0, null, null)
                .creditCenti(31)).isEqualTo(75L);
    }

    @Test
    void theCapRefusesThePartAboveItAndDoesNotCreditItLater() {
        rules(100, false, 1, TimeBankRules.Rounding.DOWN, false, 100);   // at most 1 coin stored
        record("T1", "V01", 1, 90, RecordOutcome.DONE);
        bank.accrue(ORG, "V01");
        assertThat(ledger("V01")).extracting(TimeBankEntry::amountCenti, TimeBankEntry::cappedCenti)
                .containsExactly(tuple(100L, 50L));
        bank.withdraw(DISPATCHER, "V01", "w1", 100, "助浴一次");
        bank.accrue(ORG, "V01");   // room again, but the refused half hour stays refused
        assertThat(store.last(ORG, "V01").orElseThrow().balanceCenti()).isZero();
        record("T1", "V01", 2, 100, RecordOutcome.DONE);     // corrected up by 10 minutes: those 0.17 are credited
        bank.accrue(ORG, "V01");
        assertThat(store.last(ORG, "V01").orElseThrow()).extracting(TimeBankEntry::amountCenti,
                TimeBankEntry::balanceCenti).containsExactly(17L, 17L);
    }

    @Test
    void withdrawalsNeedTheBalanceAndKeepTheirKey() {
        record("T1", "V01", 1, 120, RecordOutcome.DONE);
        assertThatThrownBy(() -> bank.withdraw(DISPATCHER, "V01", "w1", 250, null))
                .isInstanceOfSatisfying(TimeBankRefusal.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.reasonKey()).isEqualTo("api.timebank.short");
                });
        TimeBank.Answer first = bank.withdraw(DISPATCHER, "V01", "w1", 150, "助洁");
        TimeBank.Answer again = bank.withdraw(DISPATCHER, "V01", "w1", 150, "助洁");
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(first.entry().balanceCenti()).isEqualTo(50L);
        assertThatThrownBy(() -> bank.withdraw(DISPATCHER, "V01", "w1", 10, null))
                .isInstanceOfSatisfying(TimeBankRefusal.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(ledger("V01")).extracting(TimeBankEntry::kind)
                .containsExactly(TimeBankEntry.Kind.CREDIT, TimeBankEntry.Kind.WITHDRAWAL);
    }

    @Test
    void transfersToFamilyOnlyWhereAllowedAndUnderTheRecipientsCap() {
        record("T1", "V01", 1, 180, RecordOutcome.DONE);
        assertThatThrownBy(() -> bank.transfer(DISPATCHER, "V01", "t1", "E1", 100, "母亲"))
                .isInstanceOfSatisfying(TimeBankRefusal.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("api.timebank.noTransfers"));
        bank.accrue(ORG, "V01");   // 3 coins, credited under the default cap
        rules(100, false, 1, TimeBankRules.Rounding.DOWN, true, 250);
        assertThatThrownBy(() -> bank.transfer(DISPATCHER, "V01", "t1", "E404", 100, null))
                .isInstanceOfSatisfying(TimeBankRefusal.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("api.timebank.unknownRecipient"));
        TimeBank.Answer answer = bank.transfer(DISPATCHER, "V01", "t1", "E1", 200, "母亲");
        assertThat(answer.entry().balanceCenti()).isEqualTo(100L);
        assertThat(ledger("E1")).extracting(TimeBankEntry::kind, TimeBankEntry::amountCenti,
                TimeBankEntry::counterpartId).containsExactly(tuple(TimeBankEntry.Kind.TRANSFER_IN, 200L, "V01"));
        assertThat(bank.transfer(DISPATCHER, "V01", "t1", "E1", 200, "母亲").replayed()).isTrue();
        assertThatThrownBy(() -> bank.transfer(DISPATCHER, "V01", "t2", "E1", 100, null))   // 3.00 > cap 2.50
                .isInstanceOfSatisfying(TimeBankRefusal.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("api.timebank.recipientCap"));
        assertThat(store.balances(ORG)).extracting(TimeBankEntry::holderId, TimeBankEntry::balanceCenti)
                .containsExactly(tuple("E1", 200L), tuple("V01", 100L));
    }

    @Test
    void twoWithdrawalsRacingForOneBalanceCannotBothTakeIt() throws Exception {
        record("T1", "V01", 1, 60, RecordOutcome.DONE);
        bank.accrue(ORG, "V01");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (String key : List.of("race-a", "race-b")) {
                Callable<Object> withdraw = () -> {
                    try {
                        return bank.withdraw(DISPATCHER, "V01", key, 100, null);
                    } catch (TimeBankRefusal e) {
                        return e;
                    }
                };
                results.add(pool.submit(withdraw));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof TimeBank.Answer).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof TimeBankRefusal).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.last(ORG, "V01").orElseThrow().balanceCenti()).isZero();
        assertThat(ledger("V01")).hasSize(2);
    }
}
