package io.careroute.api.store;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.careroute.api.privacy.DataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every JSON document an organisation's plans keep beside the register — problems, plans, task orders, routes,
 * changes, events, weeks and their days — all stored sealed ({@link DocumentSealing}): for an erasure to take an
 * elder out of each (issue 19.3), and for the re-encryption to seal each with the current key (issue 19.2: rows under
 * an older key, and rows stored before the documents were sealed). One row at a time, so an organisation's history
 * need not fit in memory.
 */
@Repository
public class StoredDocuments {

    /** A table, its key columns, its sealed document columns, and which of its rows are the organisation's. */
    private record Kind(String table, List<String> keys, List<String> documents, String organisationRows) {

        /** The row's part of a sealed column's context, as {@link PlanStore} and {@link WeekStore} write it. */
        String key(Map<String, Object> row) {
            if (keys.size() == 1) {
                return String.valueOf(row.get(keys.get(0)));
            }
            Object date = row.get("plan_date");
            LocalDate day = date instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) date;
            return row.get("week_id") + "/" + day;
        }
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
    private final DataCipher cipher;

    @Autowired
    public StoredDocuments(JdbcClient jdbc, DataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** For tests that are not about keys: sealed with {@link DataCipher#forTests()}, as the other stores' test form. */
    public StoredDocuments(JdbcClient jdbc) {
        this(jdbc, DataCipher.forTests());
    }

    /**
     * Passes every document of the organisation, opened, through {@code rewrite} and stores what comes back changed,
     * sealed again. Returns how many documents changed.
     */
    public int rewriteAll(String organisationId, UnaryOperator<String> rewrite) {
        int changed = 0;
        for (Kind kind : KINDS) {
            List<Map<String, Object>> rows = jdbc.sql("select " + String.join(", ", kind.keys()) + " from "
                    + kind.table() + " where " + kind.organisationRows()).param("org", organisationId)
                    .query().listOfRows();
            for (Map<String, Object> found : rows) {
                Map<String, Object> row = lower(found);
                for (String column : kind.documents()) {
                    String stored = jdbc.sql("select " + column + " from " + kind.table() + " where " + byKey(kind))
                            .params(row).query(String.class).optional().orElse(null);
                    if (stored == null) {
                        continue;
                    }
                    String context = DocumentSealing.context(kind.table(), kind.key(row), column);
                    String document = cipher.open(stored, context);
                    String rewritten = rewrite.apply(document);
                    if (!rewritten.equals(document)) {
                        jdbc.sql("update " + kind.table() + " set " + column + " = :document where " + byKey(kind))
                                .params(row).param("document", cipher.seal(rewritten, context).text()).update();
                        changed++;
                    }
                }
            }
        }
        return changed;
    }

    /**
     * Seals up to {@code limit} documents per column that are still under an older key, or not sealed at all (stored
     * before sealing), with the current key. A row is changed only if it still holds what was read: a solver saving its
     * progress meanwhile — on an instance not yet restarted with the new key, too — or an erasure wins. (Compared by
     * the first characters, which hold a sealed text's random nonce: H2 cannot compare text columns whole.)
     * Returns how many were sealed again: 0 when all are current.
     */
    public int reencrypt(int limit) {
        String current = cipher.currentPrefix() + "%";
        int done = 0;
        for (Kind kind : KINDS) {
            for (String column : kind.documents()) {
                // Keys first, then each document as text (H2 hands a text column over as a Clob in a row map).
                List<Map<String, Object>> rows = jdbc.sql("select " + String.join(", ", kind.keys()) + " from "
                        + kind.table() + " where " + column + " is not null and " + column + " not like :current"
                        + " order by " + String.join(", ", kind.keys()) + " limit :limit")
                        .param("current", current).param("limit", limit).query().listOfRows();
                for (Map<String, Object> found : rows) {
                    Map<String, Object> row = lower(found);
                    String stored = jdbc.sql("select " + column + " from " + kind.table() + " where " + byKey(kind)
                            + " and " + column + " not like :current").params(row).param("current", current)
                            .query(String.class).optional().orElse(null);
                    if (stored == null) {
                        continue;   // sealed meanwhile
                    }
                    String context = DocumentSealing.context(kind.table(), kind.key(row), column);
                    String sealed = cipher.seal(cipher.open(stored, context), context).text();
                    done += jdbc.sql("update " + kind.table() + " set " + column + " = :sealed where " + byKey(kind)
                                    + " and " + column + " like :read escape '!'")
                            .params(row).param("sealed", sealed).param("read", startOf(stored)).update();
                }
            }
        }
        return done;
    }

    /**
     * A LIKE pattern matching texts that begin as {@code stored} does: its first 64 characters (one fewer rather than
     * half a character outside the basic plane, as a rare name's may be), escaped with !.
     */
    private static String startOf(String stored) {
        int end = Math.min(64, stored.length());
        if (end > 0 && Character.isHighSurrogate(stored.charAt(end - 1))) {
            end--;
        }
        String start = stored.substring(0, end);
        return start.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String byKey(Kind kind) {
        return kind.keys().stream().map(k -> k + " = :" + k).reduce((a, b) -> a + " and " + b).orElseThrow();
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> params = new HashMap<>();
        row.forEach((k, v) -> params.put(k.toLowerCase(Locale.ROOT), v));
        return params;
    }
}
