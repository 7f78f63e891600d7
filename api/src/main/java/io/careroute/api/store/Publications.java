package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Which plan of a day carriers work from. Publishing a plan adds a version to its lineage (the day's first plan
 * and the re-plans descending from it); the latest version is the published one, and re-planning events apply
 * to it.
 */
@Repository
public class Publications {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public Publications(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The lineage's published plan: its latest publication. */
    public Optional<Publication> current(String lineageId) {
        return jdbc.sql("""
                select lineage_id, plan_id, version, published_at from publication
                where lineage_id = :lineage order by version desc limit 1""")
                .param("lineage", lineageId).query(Publications::publication).optional();
    }

    /** The latest publication of this plan, whether or not it is still the lineage's current one. */
    public Optional<Publication> latestOf(String planId) {
        return jdbc.sql("""
                select lineage_id, plan_id, version, published_at from publication
                where plan_id = :plan order by version desc limit 1""")
                .param("plan", planId).query(Publications::publication).optional();
    }

    /**
     * The published plans of an organisation's day: each lineage's current publication whose problem is of that date
     * (a kitchen's meal plan and a centre's visit plan of one day are two lineages).
     */
    public java.util.List<Publication> currentOn(String organisationId, java.time.LocalDate date) {
        return jdbc.sql("""
                select u.lineage_id, u.plan_id, u.version, u.published_at from publication u
                join plan p on p.id = u.plan_id join problem q on q.id = p.problem_id
                where p.organisation_id = :org and q.plan_date = :date
                  and u.version = (select max(v.version) from publication v where v.lineage_id = u.lineage_id)
                order by u.lineage_id""")
                .param("org", organisationId).param("date", date).query(Publications::publication).list();
    }

    /**
     * The published plans of an organisation's days {@code from}..{@code to}: as {@link #currentOn} for each day, by
     * date (the outcome report's month).
     */
    public java.util.List<Publication> currentBetween(String organisationId, java.time.LocalDate from,
                                                      java.time.LocalDate to) {
        return jdbc.sql("""
                select u.lineage_id, u.plan_id, u.version, u.published_at from publication u
                join plan p on p.id = u.plan_id join problem q on q.id = p.problem_id
                where p.organisation_id = :org and q.plan_date between :from and :to
                  and u.version = (select max(v.version) from publication v where v.lineage_id = u.lineage_id)
                order by q.plan_date, u.lineage_id""")
                .param("org", organisationId).param("from", from).param("to", to)
                .query(Publications::publication).list();
    }

    /**
     * Makes the plan the lineage's published version. Publishing the plan that is already current changes
     * nothing and answers its publication. Two publications racing for the same version number are kept apart
     * by the unique (lineage, version) key: the loser's transaction fails rather than sharing a version.
     */
    public Publication publish(String planId, String lineageId, Instant at) {
        return transactions.execute(status -> {
            Optional<Publication> current = current(lineageId);
            if (current.isPresent() && current.get().planId().equals(planId)) {
                return current.get();
            }
            int version = current.map(p -> p.version() + 1).orElse(1);
            jdbc.sql("""
                    insert into publication (lineage_id, plan_id, version, published_at)
                    values (:lineage, :plan, :version, :at)""")
                    .param("lineage", lineageId).param("plan", planId).param("version", version)
                    .param("at", utc(at))
                    .update();
            return new Publication(lineageId, planId, version, at);
        });
    }

    private static Publication publication(ResultSet rs, int row) throws SQLException {
        return new Publication(rs.getString("lineage_id"), rs.getString("plan_id"), rs.getInt("version"),
                PlanStore.time(rs, "published_at"));
    }
}
