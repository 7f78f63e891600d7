package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.careroute.data.registry.RegistryDocument;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Each organisation's register as a versioned document, append-only: a change is a new row holding the whole
 * registry.json, who made it, when, and what it changed ({@link RegistryChanges}). Nothing is updated in place or
 * deleted. The current register is the highest version. Every lookup is within one organisation.
 */
@Repository
public class RegistryStore {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    public RegistryStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The current version, 0 when the organisation has no register yet. */
    public int currentVersion(String organisationId) {
        return jdbc.sql("select coalesce(max(version), 0) from registry_version where organisation_id = :org")
                .param("org", organisationId).query(Integer.class).single();
    }

    public Optional<StoredRegistry> current(String organisationId) {
        int current = currentVersion(organisationId);
        return current == 0 ? Optional.empty() : version(organisationId, current);
    }

    public Optional<StoredRegistry> version(String organisationId, int version) {
        return jdbc.sql("select * from registry_version where organisation_id = :org and version = :version")
                .param("org", organisationId).param("version", version)
                .query((rs, row) -> new StoredRegistry(version(rs, row),
                        JsonText.read(rs.getString("document"), RegistryDocument.class)))
                .optional();
    }

    /** The history, newest first, without the documents. */
    public List<RegistryVersion> versions(String organisationId) {
        return jdbc.sql("""
                select organisation_id, version, created_at, created_by, changes from registry_version
                where organisation_id = :org order by version desc""")
                .param("org", organisationId).query(RegistryStore::version).list();
    }

    /**
     * Stores {@code document} as the next version.
     *
     * @param expected the version the change was made against (If-Match), or null to change whatever is current
     * @param by       {@code account:<id>} or {@code api-key:<id>}
     * @throws StaleRegistryException when {@code expected} is not the current version, or another change took the
     *                                next version at the same moment
     */
    public RegistryVersion append(String organisationId, Integer expected, RegistryDocument document, String by) {
        try {
            return transactions.execute(status -> {
                Optional<StoredRegistry> current = current(organisationId);
                int currentVersion = current.map(c -> c.version().version()).orElse(0);
                if (expected != null && expected != currentVersion) {
                    throw new StaleRegistryException(expected, currentVersion);
                }
                RegistryVersion next = new RegistryVersion(currentVersion + 1, now(), by,
                        RegistryChanges.between(current.map(StoredRegistry::document).orElse(null), document));
                jdbc.sql("""
                        insert into registry_version (organisation_id, version, created_at, created_by, changes, document)
                        values (:org, :version, :at, :by, :changes, :document)""")
                        .param("org", organisationId).param("version", next.version()).param("at", utc(next.at()))
                        .param("by", by).param("changes", JsonText.write(next.changes()))
                        .param("document", JsonText.write(document))
                        .update();
                return next;
            });
        } catch (DuplicateKeyException e) {
            // Another change stored the same next version first: this one was made against a stale register.
            int current = currentVersion(organisationId);
            throw new StaleRegistryException(expected == null ? current - 1 : expected, current);
        }
    }

    private static RegistryVersion version(ResultSet rs, int row) throws SQLException {
        return new RegistryVersion(rs.getInt("version"), PlanStore.time(rs, "created_at"), rs.getString("created_by"),
                JsonText.read(rs.getString("changes"), RegistryChanges.class));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
