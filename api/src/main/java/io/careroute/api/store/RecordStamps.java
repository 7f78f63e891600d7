package io.careroute.api.store;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far a day's records have come: how many versions its lineage has and when the last was made. The console's
 * live view is recomputed only when this changes (its ETag), so polling it every second costs one indexed count.
 */
@Repository
public class RecordStamps {

    /** @param latest null when nothing is recorded */
    public record Stamp(long versions, Instant latest) {
    }

    private final JdbcClient jdbc;

    public RecordStamps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Stamp of(String organisationId, String lineageId) {
        return jdbc.sql("""
                select count(*) as versions, max(created_at) as latest from service_record
                where organisation_id = :org and lineage_id = :lineage""")
                .param("org", organisationId).param("lineage", lineageId)
                .query((rs, row) -> new Stamp(rs.getLong("versions"), PlanStore.time(rs, "latest"))).single();
    }
}
