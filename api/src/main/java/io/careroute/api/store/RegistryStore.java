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
import io.careroute.api.privacy.DataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Each organisation's register as a versioned document, append-only: a change is a new row holding the whole
 * registry.json, who made it, when, and what it changed ({@link RegistryChanges}). Nothing is deleted; a row changes
 * in place only when the re-encryption seals it with the current key, or when an elder is erased from every
 * version. The current register is the highest version. Every lookup is within one organisation.
 * <p>
 * The document holds elders' health and disability classes, care grades, phones and addresses: it is stored sealed
 * ({@link DataCipher}, bound to its organisation and version), the ciphertext naming its key.
 */
@Repository
public class RegistryStore {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final DataCipher cipher;

    @Autowired
    public RegistryStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock, DataCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.cipher = cipher;
    }

    /** For tests that are not about keys: sealed with {@link DataCipher#forTests()}. */
    public RegistryStore(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this(jdbc, transactions, clock, DataCipher.forTests());
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
                .query((rs, row) -> new StoredRegistry(version(rs, row), JsonText.read(
                        cipher.open(rs.getString("document"), context(organisationId, version)),
                        RegistryDocument.class)))
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
                DataCipher.Sealed sealed = cipher.seal(JsonText.write(document),
                        context(organisationId, next.version()));
                jdbc.sql("""
                        insert into registry_version (organisation_id, version, created_at, created_by, changes, document)
                        values (:org, :version, :at, :by, :changes, :document)""")
                        .param("org", organisationId).param("version", next.version()).param("at", utc(next.at()))
                        .param("by", by).param("changes", JsonText.write(next.changes()))
                        .param("document", sealed.text())
                        .update();
                return next;
            });
        } catch (DuplicateKeyException e) {
            // Another change stored the same next version first: this one was made against a stale register.
            int current = currentVersion(organisationId);
            throw new StaleRegistryException(expected == null ? current - 1 : expected, current);
        }
    }

    /**
     * Rewrites one stored version in place: an erasure takes an elder out of every version, so nothing of them
     * stays readable in the history. Sealed again with the current key.
     */
    public void rewrite(String organisationId, int version, RegistryDocument document, RegistryChanges changes) {
        DataCipher.Sealed sealed = cipher.seal(JsonText.write(document), context(organisationId, version));
        jdbc.sql("""
                update registry_version set document = :document, changes = :changes
                where organisation_id = :org and version = :version""")
                .param("document", sealed.text())
                .param("changes", JsonText.write(changes))
                .param("org", organisationId).param("version", version).update();
    }

    /**
     * Seals up to {@code limit} versions still under an older key (or none) with the current one; each row is
     * changed only if an erasure did not seal it meanwhile. Returns how many were sealed again: 0 when all are current.
     */
    public int reencrypt(int limit) {
        record Row(String org, int version, String document) {
        }
        List<Row> rows = jdbc.sql("""
                select organisation_id, version, document from registry_version
                where document not like :current
                order by organisation_id, version limit :limit""")
                .param("current", cipher.currentPrefix() + "%").param("limit", limit)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
        int done = 0;
        for (Row row : rows) {
            String context = context(row.org(), row.version());
            DataCipher.Sealed sealed = cipher.seal(cipher.open(row.document(), context), context);
            done += jdbc.sql("""
                    update registry_version set document = :sealed
                    where organisation_id = :org and version = :version and document not like :current""")
                    .param("sealed", sealed.text()).param("current", cipher.currentPrefix() + "%")
                    .param("org", row.org())
                    .param("version", row.version()).update();
        }
        return done;
    }

    /** Binds a sealed document to its row. */
    private static String context(String organisationId, int version) {
        return "registry_version:" + organisationId + ":" + version;
    }

    private static RegistryVersion version(ResultSet rs, int row) throws SQLException {
        return new RegistryVersion(rs.getInt("version"), PlanStore.time(rs, "created_at"), rs.getString("created_by"),
                JsonText.read(rs.getString("changes"), RegistryChanges.class));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
