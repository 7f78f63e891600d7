package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail (V7_1): inserts and reads, nothing else. There is no update or delete here on purpose; on
 * PostgreSQL a trigger refuses them too. Every read is within one organisation.
 */
@Repository
public class AuditStore {

    /** What a page of the trail is filtered by; null fields do not filter. */
    public record Filter(String resourceType, String resourceId, String actor, Instant from, Instant to) {
    }

    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(AuditEvent event) {
        jdbc.sql("""
                insert into audit_event (organisation_id, at, actor, role, action, method, path, resource_type,
                                         resource_id, status, remote_address, user_agent)
                values (:org, :at, :actor, :role, :action, :method, :path, :type, :resource, :status, :address,
                        :agent)""")
                .param("org", event.organisationId()).param("at", utc(event.at())).param("actor", event.actor())
                .param("role", event.role()).param("action", event.action()).param("method", event.method())
                .param("path", cut(event.path(), 200)).param("type", event.resourceType())
                .param("resource", cut(event.resourceId(), 100)).param("status", event.status())
                .param("address", cut(event.remoteAddress(), 64)).param("agent", cut(event.userAgent(), 200))
                .update();
    }

    /** One organisation's trail, newest first, one page at a time. */
    public Page<AuditEvent> page(String organisationId, Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where organisation_id = :org");
        Map<String, Object> params = new HashMap<>(Map.of("org", organisationId));
        if (filter.resourceType() != null) {
            where.append(" and resource_type = :type");
            params.put("type", filter.resourceType());
        }
        if (filter.resourceId() != null) {
            where.append(" and resource_id = :resource");
            params.put("resource", filter.resourceId());
        }
        if (filter.actor() != null) {
            where.append(" and actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.from() != null) {
            where.append(" and at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and at < :to");
            params.put("to", utc(filter.to()));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<AuditEvent> items = new ArrayList<>(jdbc.sql("select * from audit_event" + where
                        + " order by at desc, id desc limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getString("organisation_id"),
                        PlanStore.time(rs, "at"), rs.getString("actor"), rs.getString("role"), rs.getString("action"),
                        rs.getString("method"), rs.getString("path"), rs.getString("resource_type"),
                        rs.getString("resource_id"), rs.getInt("status"), rs.getString("remote_address"),
                        rs.getString("user_agent")))
                .list());
        return new Page<>(items, page, size, total);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
