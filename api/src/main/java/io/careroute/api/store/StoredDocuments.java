package io.careroute.api.store;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every JSON document an organisation's plans keep beside the register — problems, plans, routes, changes, events,
 * weeks and their days — for an erasure to take an elder out of each (issue 19.3). One row at a time, so an
 * organisation's history need not fit in memory.
 */
@Repository
public class StoredDocuments {

    /** A table, its key columns, its document columns, and which of its rows are the organisation's. */
    private record Kind(String table, List<String> keys, List<String> documents, String organisationRows) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("problem", List.of("id"), List.of("document"), "organisation_id = :org"),
            new Kind("plan", List.of("id"), List.of("plan_document", "routes", "best_routes", "changes",
                    "week_document"), "organisation_id = :org"),
            new Kind("replan_event", List.of("id"), List.of("document"),
                    "plan_id in (select id from plan where organisation_id = :org)"),
            new Kind("week_day", List.of("week_id", "plan_date"), List.of("problem", "plan_document", "task_order",
                    "routes"), "week_id in (select id from week_plan where organisation_id = :org)"));

    private final JdbcClient jdbc;

    public StoredDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Passes every document of the organisation through {@code rewrite} and stores what comes back changed.
     * Returns how many documents changed.
     */
    public int rewriteAll(String organisationId, UnaryOperator<String> rewrite) {
        int changed = 0;
        for (Kind kind : KINDS) {
            String keys = String.join(", ", kind.keys());
            List<Map<String, Object>> rows = jdbc.sql("select " + keys + " from " + kind.table() + " where "
                    + kind.organisationRows()).param("org", organisationId).query().listOfRows();
            String byKey = kind.keys().stream().map(k -> k + " = :" + k)
                    .reduce((a, b) -> a + " and " + b).orElseThrow();
            for (Map<String, Object> row : rows) {
                for (String column : kind.documents()) {
                    String document = jdbc.sql("select " + column + " from " + kind.table() + " where " + byKey)
                            .params(lower(row)).query(String.class).optional().orElse(null);
                    if (document == null) {
                        continue;
                    }
                    String rewritten = rewrite.apply(document);
                    if (!rewritten.equals(document)) {
                        jdbc.sql("update " + kind.table() + " set " + column + " = :document where " + byKey)
                                .params(lower(row)).param("document", rewritten).update();
                        changed++;
                    }
                }
            }
        }
        return changed;
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> params = new java.util.HashMap<>();
        row.forEach((k, v) -> params.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return params;
    }
}
