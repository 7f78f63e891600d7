package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Acknowledgements of alerts from the field (schema V9_1), one per record and organisation. Two dispatchers
 * acknowledging at once cannot both store one: the primary key refuses the second insert
 * ({@link org.springframework.dao.DuplicateKeyException}) and the caller reads back the first.
 */
@Repository
public class AlertAcknowledgements {

    private final JdbcClient jdbc;

    public AlertAcknowledgements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the record's alert is acknowledged already */
    public void add(String organisationId, AlertAcknowledgement ack) {
        jdbc.sql("""
                insert into alert_acknowledgement (organisation_id, record_id, version, alert, acknowledged_at,
                    acknowledged_by, acknowledged_name)
                values (:org, :record, :version, :alert, :at, :by, :name)""")
                .param("org", organisationId).param("record", ack.recordId()).param("version", ack.version())
                .param("alert", ack.alert()).param("at", utc(ack.at())).param("by", ack.by())
                .param("name", ack.name())
                .update();
    }

    public Optional<AlertAcknowledgement> of(String organisationId, String recordId) {
        return jdbc.sql("select * from alert_acknowledgement where organisation_id = :org and record_id = :record")
                .param("org", organisationId).param("record", recordId)
                .query(AlertAcknowledgements::acknowledgement).optional();
    }

    /** The acknowledgements of the records of the days {@code from} to {@code to}. */
    public List<AlertAcknowledgement> onDays(String organisationId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select a.* from alert_acknowledgement a where a.organisation_id = :org and exists (
                  select 1 from service_record r where r.record_id = a.record_id and r.version = a.version
                    and r.plan_date between :from and :to)
                order by a.acknowledged_at""")
                .param("org", organisationId).param("from", from).param("to", to)
                .query(AlertAcknowledgements::acknowledgement).list();
    }

    private static AlertAcknowledgement acknowledgement(ResultSet rs, int row) throws SQLException {
        return new AlertAcknowledgement(rs.getString("record_id"), rs.getInt("version"), rs.getString("alert"),
                PlanStore.time(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                rs.getString("acknowledged_name"));
    }
}
