package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.careroute.api.privacy.DataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The time bank's rules and ledgers (schema V8_1). Entries are appended, never changed: each holder's entries are
 * numbered, so two writers computing the next entry from the same balance cannot both store it (the primary key
 * refuses the second: {@link org.springframework.dao.DuplicateKeyException}); a record version is credited once; an
 * idempotency key is applied once. Every lookup is within one organisation.
 * <p>
 * An entry's note is free text that may name a person or their health (a family member's hospital stay): it is stored
 * sealed ({@link DataCipher}, bound to its entry), as the records' notes are; the only change to a stored entry is
 * the re-encryption sealing its note with the current key ({@link #reencrypt}).
 */
@Repository
public class TimeBankStore {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final DataCipher cipher;

    @Autowired
    public TimeBankStore(JdbcClient jdbc, TransactionOperations transactions, DataCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** For tests that are not about keys: sealed with {@link DataCipher#forTests()}. */
    public TimeBankStore(JdbcClient jdbc, TransactionOperations transactions) {
        this(jdbc, transactions, DataCipher.forTests());
    }

    /**
     * Seals up to {@code limit} notes still under an older key, or stored before notes were sealed, with the current
     * one; each only if nobody sealed it meanwhile. Returns how many were sealed again: 0 when all are current.
     */
    public int reencrypt(int limit) {
        record Row(String org, String holder, int seq, String note) {
        }
        List<Row> rows = jdbc.sql("""
                select organisation_id, holder_id, seq, note from time_bank_entry
                where note is not null and note not like :current
                order by organisation_id, holder_id, seq limit :limit""")
                .param("current", cipher.currentPrefix() + "%").param("limit", limit)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
        int done = 0;
        for (Row row : rows) {
            String context = noteContext(row.org(), row.holder(), row.seq());
            done += jdbc.sql("""
                    update time_bank_entry set note = :note
                    where organisation_id = :org and holder_id = :holder and seq = :seq and note not like :current""")
                    .param("note", cipher.seal(cipher.open(row.note(), context), context).text())
                    .param("current", cipher.currentPrefix() + "%")
                    .param("org", row.org()).param("holder", row.holder()).param("seq", row.seq()).update();
        }
        return done;
    }

    /** Binds a sealed note to its entry. */
    private static String noteContext(String organisationId, String holderId, int seq) {
        return "time_bank_entry:" + organisationId + "/" + holderId + "/" + seq + ":note";
    }

    /** The organisation's current rules, or the defaults when it never set any. */
    public TimeBankRules rules(String organisationId) {
        return jdbc.sql("""
                select * from time_bank_rules where organisation_id = :org
                order by version desc limit 1""").param("org", organisationId)
                .query(TimeBankStore::rules).optional().orElse(TimeBankRules.DEFAULTS);
    }

    /** Stores rules as the next version (a racing second save of the same version fails on the key). */
    public TimeBankRules saveRules(String organisationId, TimeBankRules rules, Instant at, String by) {
        int version = rules(organisationId).version() + 1;
        jdbc.sql("""
                insert into time_bank_rules (organisation_id, version, coins_per_hour_centi, count_travel,
                    rounding_minutes, rounding, transfers_allowed, max_balance_centi, created_at, created_by)
                values (:org, :version, :rate, :travel, :step, :rounding, :transfers, :max, :at, :by)""")
                .param("org", organisationId).param("version", version).param("rate", rules.coinsPerHourCenti())
                .param("travel", rules.countTravel()).param("step", rules.roundingMinutes())
                .param("rounding", rules.rounding().name()).param("transfers", rules.transfersAllowed())
                .param("max", rules.maxBalanceCenti()).param("at", utc(at)).param("by", by).update();
        return new TimeBankRules(version, rules.coinsPerHourCenti(), rules.countTravel(), rules.roundingMinutes(),
                rules.rounding(), rules.transfersAllowed(), rules.maxBalanceCenti(), at, by);
    }

    /** Record ids in one {@code in (...)} list: far below any database's limit on bind parameters. */
    static final int RECORDS_PER_QUERY = 500;

    /** Appends entries all or none (a transfer's two), in one transaction. */
    public void append(List<TimeBankEntry> entries) {
        transactions.executeWithoutResult(status -> entries.forEach(this::insert));
    }

    /** The holder's latest entry: its balance and the number the next one takes. */
    public Optional<TimeBankEntry> last(String organisationId, String holderId) {
        return jdbc.sql("""
                select * from time_bank_entry where organisation_id = :org and holder_id = :holder
                order by seq desc limit 1""").param("org", organisationId).param("holder", holderId)
                .query(this::entry).optional();
    }

    /** The holder's entries made from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<TimeBankEntry> entries(String organisationId, String holderId, Instant from, Instant to) {
        return jdbc.sql("""
                select * from time_bank_entry where organisation_id = :org and holder_id = :holder
                  and created_at >= :from and created_at < :to order by seq""")
                .param("org", organisationId).param("holder", holderId).param("from", utc(from)).param("to", utc(to))
                .query(this::entry).list();
    }

    /** The holder's balance just before {@code at}: the last entry made before it (0 without one). */
    public long balanceBefore(String organisationId, String holderId, Instant at) {
        return jdbc.sql("""
                select * from time_bank_entry where organisation_id = :org and holder_id = :holder
                  and created_at < :at order by seq desc limit 1""")
                .param("org", organisationId).param("holder", holderId).param("at", utc(at))
                .query(this::entry).optional().map(TimeBankEntry::balanceCenti).orElse(0L);
    }

    /** Every holder's latest entry (their balance), by holder. */
    public List<TimeBankEntry> balances(String organisationId) {
        return jdbc.sql("""
                select * from time_bank_entry e where organisation_id = :org and not exists (
                  select 1 from time_bank_entry n where n.organisation_id = e.organisation_id
                    and n.holder_id = e.holder_id and n.seq > e.seq)
                order by holder_id""").param("org", organisationId).query(this::entry).list();
    }

    /** The entry (the first, for a transfer) an idempotency key made. */
    public Optional<TimeBankEntry> byIdempotencyKey(String organisationId, String key) {
        return jdbc.sql("select * from time_bank_entry where organisation_id = :org and idempotency_key = :key")
                .param("org", organisationId).param("key", key).query(this::entry).optional();
    }

    /**
     * The credits of each of these records, oldest first (a record without any is left out): one query per
     * {@value #RECORDS_PER_QUERY} records, not one per record, so that a month of a team's records is a few reads.
     */
    public Map<String, List<TimeBankEntry>> creditsOf(String organisationId, Collection<String> recordIds) {
        Map<String, List<TimeBankEntry>> credits = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(recordIds));
        for (int from = 0; from < ids.size(); from += RECORDS_PER_QUERY) {
            jdbc.sql("""
                    select * from time_bank_entry where organisation_id = :org and record_id in (:records)
                    order by record_id, record_version""").param("org", organisationId)
                    .param("records", ids.subList(from, Math.min(ids.size(), from + RECORDS_PER_QUERY)))
                    .query(this::entry).list()
                    .forEach(e -> credits.computeIfAbsent(e.recordId(), k -> new ArrayList<>()).add(e));
        }
        return credits;
    }

    /**
     * The checked-out records (the worker's, or everyone's when {@code workerId} is null) whose current version is
     * neither credited nor checked yet: new ones, and those corrected since. By day and check-in, so credits are
     * booked in the order the work was done.
     */
    public List<ServiceRecord> uncredited(String organisationId, String workerId) {
        Map<String, Object> params = new HashMap<>(Map.of("org", organisationId));
        if (workerId != null) {
            params.put("worker", workerId);
        }
        return jdbc.sql(RecordStore.CURRENT + (workerId == null ? "" : " and r.worker_id = :worker") + """
                 and r.check_out is not null and not exists (
                  select 1 from time_bank_entry e where e.organisation_id = r.organisation_id
                    and e.record_id = r.record_id and e.record_version >= r.version)
                 and not exists (select 1 from time_bank_checked c where c.organisation_id = r.organisation_id
                    and c.record_id = r.record_id and c.record_version = r.version)
                order by r.plan_date, r.check_in, r.task_id""")
                .params(params).query(RecordStore::record).list();
    }

    /** Notes that a record version earns nothing, so it is not looked at again (a second note of it is ignored). */
    public void checked(String organisationId, String recordId, int version) {
        try {
            jdbc.sql("""
                    insert into time_bank_checked (organisation_id, record_id, record_version)
                    values (:org, :record, :version)""")
                    .param("org", organisationId).param("record", recordId).param("version", version).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another reader noted it first: the same fact
        }
    }

    private void insert(TimeBankEntry e) {
        jdbc.sql("""
                insert into time_bank_entry (organisation_id, holder_id, seq, kind, amount_centi, balance_centi,
                    record_id, record_version, service_date, due_centi, capped_centi, counterpart_id, transfer_id,
                    note, created_at, created_by, idempotency_key)
                values (:org, :holder, :seq, :kind, :amount, :balance, :record, :recordVersion, :date, :due,
                    :capped, :counterpart, :transfer, :note, :at, :by, :key)""")
                .param("org", e.organisationId()).param("holder", e.holderId()).param("seq", e.seq())
                .param("kind", e.kind().name()).param("amount", e.amountCenti()).param("balance", e.balanceCenti())
                .param("record", e.recordId()).param("recordVersion", e.recordVersion())
                .param("date", e.serviceDate()).param("due", e.dueCenti()).param("capped", e.cappedCenti())
                .param("counterpart", e.counterpartId()).param("transfer", e.transferId())
                .param("note", cipher.seal(e.note(), noteContext(e.organisationId(), e.holderId(), e.seq())).text())
                .param("at", utc(e.at())).param("by", e.by()).param("key", e.idempotencyKey()).update();
    }

    private static TimeBankRules rules(ResultSet rs, int row) throws SQLException {
        return new TimeBankRules(rs.getInt("version"), rs.getInt("coins_per_hour_centi"), rs.getBoolean("count_travel"),
                rs.getInt("rounding_minutes"), TimeBankRules.Rounding.valueOf(rs.getString("rounding")),
                rs.getBoolean("transfers_allowed"), rs.getLong("max_balance_centi"), PlanStore.time(rs, "created_at"),
                rs.getString("created_by"));
    }

    private TimeBankEntry entry(ResultSet rs, int row) throws SQLException {
        String org = rs.getString("organisation_id");
        String holder = rs.getString("holder_id");
        int seq = rs.getInt("seq");
        return new TimeBankEntry(org, holder, seq,
                TimeBankEntry.Kind.valueOf(rs.getString("kind")), rs.getLong("amount_centi"),
                rs.getLong("balance_centi"), rs.getString("record_id"), (Integer) rs.getObject("record_version"),
                rs.getObject("service_date", LocalDate.class), (Long) rs.getObject("due_centi"),
                (Long) rs.getObject("capped_centi"), rs.getString("counterpart_id"), rs.getString("transfer_id"),
                cipher.open(rs.getString("note"), noteContext(org, holder, seq)), PlanStore.time(rs, "created_at"), rs.getString("created_by"),
                rs.getString("idempotency_key"));
    }
}
