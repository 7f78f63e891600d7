package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .param("note", f.note()).param("alert", f.alert())
                .param("action", c.action().name()).param("reason", c.reason()).param("at", utc(c.at()))
                .param("by", c.by()).param("key", c.idempotencyKey())
                .update();
    }

    /** The version an action with this idempotency key made, if one did. */
    public Optional<ServiceRecord> byIdempotencyKey(String organisationId, String key) {
        return jdbc.sql("select * from service_record where organisation_id = :org and idempotency_key = :key")
                .param("org", organisationId).param("key", key).query(RecordStore::record).optional();
    }

    /** The current record of a stop of a day. */
    public Optional<ServiceRecord> current(String organisationId, String lineageId, String taskId) {
        return jdbc.sql(CURRENT + " and r.lineage_id = :lineage and r.task_id = :task")
                .param("org", organisationId).param("lineage", lineageId).param("task", taskId)
                .query(RecordStore::record).optional();
    }

    public Optional<ServiceRecord> current(String organisationId, String recordId) {
        return jdbc.sql(CURRENT + " and r.record_id = :record")
                .param("org", organisationId).param("record", recordId).query(RecordStore::record).optional();
    }

    /** Every version of a record, oldest first (empty for another organisation's record). */
    public List<ServiceRecord> history(String organisationId, String recordId) {
        return jdbc.sql("""
                select * from service_record where organisation_id = :org and record_id = :record order by version""")
                .param("org", organisationId).param("record", recordId).query(RecordStore::record).list();
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
                .params(params).query(RecordStore::record).list();
    }

    /** The current records of the days {@code from} to {@code to} whose last action raised an alert. */
    public List<ServiceRecord> alerts(String organisationId, LocalDate from, LocalDate to) {
        return jdbc.sql(CURRENT + " and r.plan_date between :from and :to and r.alert is not null"
                        + " order by r.check_out desc, r.task_id")
                .param("org", organisationId).param("from", from).param("to", to)
                .query(RecordStore::record).list();
    }

    static ServiceRecord record(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ServiceRecord(rs.getString("record_id"), rs.getInt("version"), rs.getString("organisation_id"),
                new RecordSubject(rs.getString("lineage_id"), rs.getString("task_id"), rs.getString("plan_id"),
                        rs.getInt("plan_version"), rs.getObject("plan_date", LocalDate.class),
                        rs.getString("worker_id"), rs.getString("elder_id"), rs.getString("kind"),
                        rs.getString("visit_type")),
                new RecordFacts(PlanStore.time(rs, "check_in"), PlanStore.time(rs, "check_out"),
                        (Integer) rs.getObject("minutes"), outcome == null ? null : RecordOutcome.valueOf(outcome),
                        rs.getString("note"), rs.getString("alert")),
                new RecordChange(RecordAction.valueOf(rs.getString("action")), PlanStore.time(rs, "created_at"),
                        rs.getString("created_by"), rs.getString("idempotency_key"), rs.getString("reason")));
    }
}
