package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.careroute.api.privacy.DataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Service records, append-only (schema V6): an action adds the next version of its stop's record and nothing is ever
 * updated or deleted. Two actions on the same stop at once cannot both become the same version, and one idempotency
 * key cannot be applied twice: the database's unique keys refuse the second insert
 * ({@link org.springframework.dao.DuplicateKeyException}), and the caller reads back what won. Every lookup is within
 * one organisation.
 */
@Repository
public class RecordStore {

    /** The current version of each record: no higher version of it exists. */
    static final String CURRENT = """
            select * from service_record r where r.organisation_id = :org and not exists (
              select 1 from service_record n where n.record_id = r.record_id and n.version > r.version)""";

    private final JdbcClient jdbc;
    /** Seals a record's note and a correction's reason, which may hold personal data (issue 19.2). */
    private final DataCipher cipher;

    @Autowired
    public RecordStore(JdbcClient jdbc, DataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** For tests that are not about keys: sealed with {@link DataCipher#forTests()}. */
    public RecordStore(JdbcClient jdbc) {
        this(jdbc, DataCipher.forTests());
    }

    /**
     * Stores a version.
     *
     * @throws org.springframework.dao.DuplicateKeyException when this version of the stop's record, or an action
     *                                                       with the same idempotency key, is already stored
     */
    public void append(ServiceRecord record) {
        RecordSubject s = record.subject();
        RecordFacts f = record.facts();
        RecordChange c = record.change();
        DataCipher.Sealed note = cipher.seal(f.note(), context(record.recordId(), record.version(), "note"));
        DataCipher.Sealed reason = cipher.seal(c.reason(), context(record.recordId(), record.version(), "reason"));
        jdbc.sql("""
                insert into service_record (record_id, version, organisation_id, lineage_id, task_id, plan_id,
                    plan_version, plan_date, worker_id, elder_id, kind, visit_type, check_in, check_out, minutes,
                    outcome, note, alert, action, reason, created_at, created_by, idempotency_key)
                values (:record, :version, :org, :lineage, :task, :plan, :planVersion, :date, :worker, :elder, :kind,
                    :type, :checkIn, :checkOut, :minutes, :outcome, :note, :alert, :action, :reason, :at, :by, :key)""")
                .param("record", record.recordId()).param("version", record.version())
                .param("org", record.organisationId()).param("lineage", s.lineageId()).param("task", s.taskId())
                .param("plan", s.planId()).param("planVersion", s.planVersion()).param("date", s.planDate())
                .param("worker", s.workerId()).param("elder", s.elderId()).param("kind", s.kind())
                .param("type", s.type())
                .param("checkIn", f.checkIn() == null ? null : utc(f.checkIn()))
                .param("checkOut", f.checkOut() == null ? null : utc(f.checkOut()))
                .param("minutes", f.minutes()).param("outcome", f.outcome() == null ? null : f.outcome().name())
                .param("note", note.text()).param("alert", f.alert())
                .param("action", c.action().name()).param("reason", reason.text()).param("at", utc(c.at()))
                .param("by", c.by()).param("key", c.idempotencyKey())
                .update();
    }

    /**
     * Seals up to {@code limit} versions whose note and reason are under an older key (or none) with the current
     * one; returns how many, 0 when all are current.
     */
    public int reencrypt(int limit) {
        record Row(String id, int version, String note, String reason) {
        }
        List<Row> rows = jdbc.sql("""
                select record_id, version, note, reason from service_record
                where (note is not null and note not like :current) or (reason is not null and reason not like :current)
                order by record_id, version limit :limit""")
                .param("current", cipher.currentPrefix() + "%").param("limit", limit)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
        int done = 0;
        for (Row row : rows) {
            String noteContext = context(row.id(), row.version(), "note");
            String reasonContext = context(row.id(), row.version(), "reason");
            done += jdbc.sql("""
                    update service_record set note = :note, reason = :reason
                    where record_id = :id and version = :version
                      and ((note is not null and note not like :current)
                           or (reason is not null and reason not like :current))""")
                    .param("note", cipher.seal(cipher.open(row.note(), noteContext), noteContext).text())
                    .param("reason", cipher.seal(cipher.open(row.reason(), reasonContext), reasonContext).text())
                    .param("current", cipher.currentPrefix() + "%").param("id", row.id())
                    .param("version", row.version()).update();
        }
        return done;
    }

    /**
     * Erases an elder from their records (issue 19.3): the elder's id becomes {@code anonymousId}, note and reason
     * are removed; what was done, when and how long stays, for the statistics. Returns the versions changed.
     */
    public int anonymise(String organisationId, String elderId, String anonymousId) {
        return jdbc.sql("""
                update service_record set elder_id = :anonymous, note = null, reason = null
                where organisation_id = :org and elder_id = :elder""")
                .param("anonymous", anonymousId)
                .param("org", organisationId).param("elder", elderId).update();
    }

    private static String context(String recordId, int version, String field) {
        return "service_record:" + recordId + ":" + version + ":" + field;
    }

    /** The version an action with this idempotency key made, if one did. */
    public Optional<ServiceRecord> byIdempotencyKey(String organisationId, String key) {
        return jdbc.sql("select * from service_record where organisation_id = :org and idempotency_key = :key")
                .param("org", organisationId).param("key", key).query(this::opened).optional();
    }

    /** The current record of a stop of a day. */
    public Optional<ServiceRecord> current(String organisationId, String lineageId, String taskId) {
        return jdbc.sql(CURRENT + " and r.lineage_id = :lineage and r.task_id = :task")
                .param("org", organisationId).param("lineage", lineageId).param("task", taskId)
                .query(this::opened).optional();
    }

    public Optional<ServiceRecord> current(String organisationId, String recordId) {
        return jdbc.sql(CURRENT + " and r.record_id = :record")
                .param("org", organisationId).param("record", recordId).query(this::opened).optional();
    }

    /** Every version of a record, oldest first (empty for another organisation's record). */
    public List<ServiceRecord> history(String organisationId, String recordId) {
        return jdbc.sql("""
                select * from service_record where organisation_id = :org and record_id = :record order by version""")
                .param("org", organisationId).param("record", recordId).query(this::opened).list();
    }

    /**
     * The current records of the days {@code from} to {@code to} (inclusive), by day, check-in and task; only
     * {@code workerId}'s when it is given.
     */
    public List<ServiceRecord> list(String organisationId, LocalDate from, LocalDate to, String workerId) {
        Map<String, Object> params = new HashMap<>(Map.of("org", organisationId, "from", from, "to", to));
        if (workerId != null) {
            params.put("worker", workerId);
        }
        return jdbc.sql(CURRENT + " and r.plan_date between :from and :to"
                        + (workerId == null ? "" : " and r.worker_id = :worker")
                        + " order by r.plan_date, r.check_in, r.task_id")
                .params(params).query(this::opened).list();
    }

    /** The current records of the days {@code from} to {@code to} whose last action raised an alert. */
    public List<ServiceRecord> alerts(String organisationId, LocalDate from, LocalDate to) {
        return jdbc.sql(CURRENT + " and r.plan_date between :from and :to and r.alert is not null"
                        + " order by r.check_out desc, r.task_id")
                .param("org", organisationId).param("from", from).param("to", to)
                .query(this::opened).list();
    }

    /**
     * A record as another store reads it (the time bank: who worked how long): without its note and reason, which
     * are sealed and only {@link RecordStore}'s own reads open.
     */
    static ServiceRecord record(ResultSet rs, int row) throws SQLException {
        return read(rs, null);
    }

    private ServiceRecord opened(ResultSet rs, int row) throws SQLException {
        return read(rs, cipher);
    }

    private static ServiceRecord read(ResultSet rs, DataCipher cipher) throws SQLException {
        String outcome = rs.getString("outcome");
        String id = rs.getString("record_id");
        int version = rs.getInt("version");
        return new ServiceRecord(rs.getString("record_id"), rs.getInt("version"), rs.getString("organisation_id"),
                new RecordSubject(rs.getString("lineage_id"), rs.getString("task_id"), rs.getString("plan_id"),
                        rs.getInt("plan_version"), rs.getObject("plan_date", LocalDate.class),
                        rs.getString("worker_id"), rs.getString("elder_id"), rs.getString("kind"),
                        rs.getString("visit_type")),
                new RecordFacts(PlanStore.time(rs, "check_in"), PlanStore.time(rs, "check_out"),
                        (Integer) rs.getObject("minutes"), outcome == null ? null : RecordOutcome.valueOf(outcome),
                        cipher == null ? null : cipher.open(rs.getString("note"), context(id, version, "note")),
                        rs.getString("alert")),
                new RecordChange(RecordAction.valueOf(rs.getString("action")), PlanStore.time(rs, "created_at"),
                        rs.getString("created_by"), rs.getString("idempotency_key"),
                        cipher == null ? null : cipher.open(rs.getString("reason"), context(id, version, "reason"))));
    }
}
