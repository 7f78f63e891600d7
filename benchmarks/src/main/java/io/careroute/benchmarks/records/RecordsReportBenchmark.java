package io.careroute.benchmarks.records;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.careroute.api.reports.OutcomeReports;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publications;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.TimeBankStore;
import io.careroute.api.timebank.TimeBank;
import io.careroute.planning.outcomes.OutcomeReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records and report queries for a month of a 400-elder district (issue 17: ≤ 1 s each), on a real PostgreSQL
 * (embedded, migrated by the real scripts) holding {@link DistrictMonth}: 21 working days of November 2026, about
 * 11,000 stops and 22,000 record versions. {@code records}: the month's current records of the organisation, as
 * {@code GET /api/v1/records?from=2026-11-01&to=2026-11-30} reads them; {@code report}: the month's outcome figures as
 * {@code GET /api/v1/reports/outcomes?month=2026-11} computes them (the published plans and their problems read and
 * parsed, the records, the register, the figures). One thread, the store's own code without the HTTP layer.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RecordsReportBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
public class RecordsReportBenchmark {

    static final YearMonth MONTH = YearMonth.of(2026, 11);

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private RecordStore records;
    private OutcomeReports reports;
    private TimeBank bank;
    private TimeBankStore ledgers;

    @Setup(Level.Trial)
    public void writeTheMonth() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // A connection pool, as the server's (Hikari): the embedded server's own data source opens a connection per
        // statement, which would time connecting, not querying.
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(pool);
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        PlanStore plans = new PlanStore(jdbc, transactions);
        Publications publications = new Publications(jdbc, transactions);
        records = new RecordStore(jdbc);
        RegistryStore registry = new RegistryStore(jdbc, transactions, Clock.systemUTC());
        long start = System.nanoTime();
        int written = new DistrictMonth().write(MONTH, plans, publications, records, registry);
        jdbc.sql("analyze").update();
        reports = new OutcomeReports(publications, plans, records, registry);
        ledgers = new TimeBankStore(jdbc, transactions);
        bank = new TimeBank(ledgers, plans, registry, Clock.systemUTC());
        long credit = System.nanoTime();
        bank.accrueAll(DistrictMonth.ORG);   // the month's first read credits every volunteer's records once
        System.out.printf("%nTIME BANK first read of the month: %d ms, %d holders%n",
                (System.nanoTime() - credit) / 1_000_000, ledgers.balances(DistrictMonth.ORG).size());
        OutcomeReport report = reports.month(DistrictMonth.ORG, MONTH);
        System.out.printf("%nRECORDS month of a %d-elder district: %d record versions, %d current records, %d plans "
                        + "(written in %d s); visits %d/%d, meals hot %s, punctuality %s%n", DistrictMonth.ELDERS,
                written, records().size(), report.plans(), (System.nanoTime() - start) / 1_000_000_000L,
                report.visits().delivered(), report.visits().owed(), report.mealsHot().share(),
                report.punctuality().onTime().share());
    }

    @TearDown(Level.Trial)
    public void stopPostgres() throws IOException {
        dataSource.close();
        postgres.close();
    }

    @Benchmark
    public java.util.List<?> records() {
        return records.list(DistrictMonth.ORG, MONTH.atDay(1), MONTH.atEndOfMonth(), null);
    }

    @Benchmark
    public OutcomeReport report() {
        return reports.month(DistrictMonth.ORG, MONTH);
    }

    /** The dispatcher's time-bank list once the month is credited: look for new records, read every balance. */
    @Benchmark
    public java.util.List<?> timeBankList() {
        bank.accrueAll(DistrictMonth.ORG);
        return ledgers.balances(DistrictMonth.ORG);
    }

    /** A worker's own month (the phone page's and the time bank's read). */
    @Benchmark
    public java.util.List<?> workerRecords() {
        return records.list(DistrictMonth.ORG, MONTH.atDay(1), MONTH.atEndOfMonth(), "W01");
    }

}
