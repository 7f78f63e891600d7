package io.careroute.api.store;

import static io.careroute.api.store.JsonText.utc;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations, their user accounts and API keys. Lookups that a request makes are always within one organisation. */
@Repository
public class AccessStore {

    private final JdbcClient jdbc;

    private final Clock clock;

    public AccessStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Organisation> organisation(String id) {
        return jdbc.sql("select * from organisation where id = :id").param("id", id)
                .query(AccessStore::organisation).optional();
    }

    public Optional<Organisation> organisationNamed(String name) {
        return jdbc.sql("select * from organisation where name = :name").param("name", name)
                .query(AccessStore::organisation).optional();
    }

    public Optional<Organisation> organisationCoded(String code) {
        return jdbc.sql("select * from organisation where code = :code").param("code", code)
                .query(AccessStore::organisation).optional();
    }

    /** The organisation of that name, created when there is none, with the code its name suggests (if free). */
    public synchronized Organisation organisationNamedOrNew(String name) {
        return organisationNamed(name).orElseGet(() ->
                createOrganisation(name, OrganisationCodes.free(name, code -> organisationCoded(code).isPresent())));
    }

    /** A new organisation; its name and code must be free (the database refuses a taken one). */
    public Organisation createOrganisation(String name, String code) {
        Organisation created = new Organisation(UUID.randomUUID().toString(), name, code, now());
        jdbc.sql("insert into organisation (id, name, code, created_at) values (:id, :name, :code, :at)")
                .param("id", created.id()).param("name", name).param("code", code)
                .param("at", utc(created.createdAt())).update();
        return created;
    }

    public void createAccount(Account account) {
        jdbc.sql("""
                insert into account (id, organisation_id, username, password_hash, role, worker_id, enabled, created_at)
                values (:id, :org, :username, :hash, :role, :workerId, :enabled, :at)""")
                .param("id", account.id()).param("org", account.organisationId())
                .param("username", account.username()).param("hash", account.passwordHash())
                .param("role", account.role().name()).param("workerId", account.workerId())
                .param("enabled", account.enabled()).param("at", utc(account.createdAt()))
                .update();
    }

    /** A user of this organisation by name: user names are unique within their organisation only. */
    public Optional<Account> accountNamed(String organisationId, String username) {
        return jdbc.sql("select * from account where organisation_id = :org and username = :username")
                .param("org", organisationId).param("username", username).query(AccessStore::account).optional();
    }

    /** For logging in: the user of that name in the organisation of that code. */
    public Optional<Account> accountForLogin(String organisationCode, String username) {
        return jdbc.sql("""
                select a.* from account a join organisation o on o.id = a.organisation_id
                where o.code = :code and a.username = :username""")
                .param("code", organisationCode).param("username", username).query(AccessStore::account).optional();
    }

    public Optional<Account> account(String organisationId, String id) {
        return jdbc.sql("select * from account where id = :id and organisation_id = :org")
                .param("id", id).param("org", organisationId).query(AccessStore::account).optional();
    }

    public List<Account> accounts(String organisationId) {
        return jdbc.sql("select * from account where organisation_id = :org order by created_at, username")
                .param("org", organisationId).query(AccessStore::account).list();
    }

    /** Whether an account of this organisation was updated. */
    public boolean setEnabled(String organisationId, String id, boolean enabled) {
        return jdbc.sql("update account set enabled = :enabled where id = :id and organisation_id = :org")
                .param("enabled", enabled).param("id", id).param("org", organisationId).update() == 1;
    }

    public void setPassword(String id, String passwordHash) {
        jdbc.sql("update account set password_hash = :hash, enabled = true where id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    /** Stores a key by the SHA-256 of its secret ({@code keyHash}, hex). */
    public void createApiKey(ApiKey key, String keyHash) {
        jdbc.sql("""
                insert into api_key (id, organisation_id, name, prefix, key_hash, role, worker_id, created_at)
                values (:id, :org, :name, :prefix, :hash, :role, :workerId, :at)""")
                .param("id", key.id()).param("org", key.organisationId()).param("name", key.name())
                .param("prefix", key.prefix()).param("hash", keyHash).param("role", key.role().name())
                .param("workerId", key.workerId()).param("at", utc(key.createdAt()))
                .update();
    }

    /** The key with this hash unless it was revoked. */
    public Optional<ApiKey> activeKey(String keyHash) {
        return jdbc.sql("select * from api_key where key_hash = :hash and revoked_at is null")
                .param("hash", keyHash).query(AccessStore::apiKey).optional();
    }

    /** Whether anybody at all can log in or call the API: some enabled user or unrevoked key. */
    public boolean anyoneCanLogIn() {
        long users = jdbc.sql("select count(*) from account where enabled").query(Long.class).single();
        long keys = jdbc.sql("select count(*) from api_key where revoked_at is null").query(Long.class).single();
        return users + keys > 0;
    }

    public boolean keyExists(String keyHash) {
        return jdbc.sql("select count(*) from api_key where key_hash = :hash").param("hash", keyHash)
                .query(Long.class).single() > 0;
    }

    public List<ApiKey> apiKeys(String organisationId) {
        return jdbc.sql("select * from api_key where organisation_id = :org order by created_at, name")
                .param("org", organisationId).query(AccessStore::apiKey).list();
    }

    /** Whether a key of this organisation was revoked now (false if unknown or revoked before). */
    public boolean revoke(String organisationId, String id, Instant at) {
        return jdbc.sql("""
                update api_key set revoked_at = :at
                where id = :id and organisation_id = :org and revoked_at is null""")
                .param("at", utc(at)).param("id", id).param("org", organisationId).update() == 1;
    }

    public Optional<ApiKey> apiKey(String organisationId, String id) {
        return jdbc.sql("select * from api_key where id = :id and organisation_id = :org")
                .param("id", id).param("org", organisationId).query(AccessStore::apiKey).optional();
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getString("id"), rs.getString("name"), rs.getString("code"),
                PlanStore.time(rs, "created_at"));
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("organisation_id"), rs.getString("username"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("worker_id"),
                rs.getBoolean("enabled"), PlanStore.time(rs, "created_at"));
    }

    private static ApiKey apiKey(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("organisation_id"), rs.getString("name"),
                rs.getString("prefix"), Role.valueOf(rs.getString("role")), rs.getString("worker_id"),
                PlanStore.time(rs, "created_at"), PlanStore.time(rs, "revoked_at"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
