package io.careroute.api.protection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.careroute.api.config.PrivacyProperties;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.Retention;
import io.careroute.api.store.StoredDocuments;
import io.careroute.api.store.TimeBankStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background work on stored personal data, every careroute.privacy.maintenance-interval: re-encryption (register
 * versions, records' notes, time-bank notes, and the plans' documents — problems, plans, routes, events, weeks and their days — still
 * sealed with an older key, or stored before encryption, are sealed with the current key, a batch at a time,
 * while the server serves: key rotation without downtime) and retention (plans older than retention-days deleted).
 * <p>
 * A plain scheduled thread, not a db-scheduler task: the one db-scheduler of an instance belongs to the solve
 * engine (SolveJobEngine), which must start after the road network and hand back its solves first at shut-down;
 * and both jobs are idempotent and row-guarded (a row is sealed again only if it is still under an old key; a
 * deleted plan is gone for the next run), so instances running them at once only repeat a little work.
 */
@Component
public class DataMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DataMaintenance.class);
    static final int BATCH = 200;

    private final RegistryStore registers;
    private final RecordStore records;
    private final StoredDocuments documents;
    private final TimeBankStore timeBank;
    private final Retention retention;
    private final PrivacyProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public DataMaintenance(RegistryStore registers, RecordStore records, StoredDocuments documents,
                           TimeBankStore timeBank, Retention retention, PrivacyProperties properties, Clock clock) {
        this.registers = registers;
        this.records = records;
        this.documents = documents;
        this.timeBank = timeBank;
        this.retention = retention;
        this.properties = properties;
        this.clock = clock;
    }

    /** Seals every row still under an older key with the current one; returns how many rows it sealed again. */
    public int reencryptAll() {
        int total = 0;
        int done;
        do {
            done = registers.reencrypt(BATCH) + records.reencrypt(BATCH) + documents.reencrypt(BATCH)
                    + timeBank.reencrypt(BATCH);
            total += done;
        } while (done > 0);
        if (total > 0) {
            log.info("Re-encryption: {} rows sealed with the current data key", total);
        }
        return total;
    }

    /** Deletes the plans older than the retention; returns how many (0 when retention-days is 0: keep). */
    public int applyRetention() {
        if (properties.retentionDays() == 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
        int deleted = retention.deletePlansCreatedBefore(cutoff);
        if (deleted > 0) {
            log.info("Retention: {} plans older than {} days deleted", deleted, properties.retentionDays());
        }
        return deleted;
    }

    private void runOnce() {
        try {
            reencryptAll();
            applyRetention();
        } catch (RuntimeException e) {
            // The next run tries again; the message names no one (store errors carry ids and SQL, not documents).
            log.warn("Data maintenance failed, next try in {}: {}", properties.maintenanceInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "careroute-data-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.maintenanceInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, Math.min(interval, 30_000), interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
