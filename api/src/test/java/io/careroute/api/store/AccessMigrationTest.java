package io.careroute.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V5_2 on a database with organisations and users from before it: each organisation gets a login code (what its
 * name suggests, or org-N), user names become unique per organisation instead of across all of them, and the
 * existing users log in as name@code. On PostgreSQL and on H2 (the old constraint is named differently on each).
 */
class AccessMigrationTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    static EmbeddedPostgres postgres;

    @TempDir
    static Path h2Dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void existingOrganisationsGetCodesAndUserNamesBecomeUniquePerOrganisation(String database) {
        DataSource dataSource = database.equals("postgresql") ? postgres.getPostgresDatabase()
                : new DriverManagerDataSource("jdbc:h2:file:" + h2Dir.resolve("careroute") + ";MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        Flyway.configure().dataSource(dataSource).target("5").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // 'default' is V2's. Then, in this order: the demo, a Chinese name, a name and a code-like name that
        // suggest the same code.
        organisation(jdbc, "demo", "demo", 1);
        organisation(jdbc, "waitan", "外滩街道综合为老服务中心", 2);
        organisation(jdbc, "north", "North Street", 3);
        organisation(jdbc, "north2", "north-street", 4);
        account(jdbc, "a1", "demo", "zhang");
        account(jdbc, "a2", "waitan", "centre-admin");

        Flyway.configure().dataSource(dataSource).load().migrate();

        Map<String, String> codes = new java.util.TreeMap<>();
        jdbc.sql("select id, code from organisation").query((rs, n) -> codes.put(rs.getString("id"),
                rs.getString("code"))).list();
        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of("default", "default", "demo", "demo",
                "waitan", "org-1", "north", "north-street", "north2", "north-street-2"));
        AccessStore store = new AccessStore(jdbc, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(store.accountForLogin("demo", "zhang")).map(Account::id).contains("a1");
        assertThat(store.accountForLogin("org-1", "centre-admin")).map(Account::id).contains("a2");
        assertThat(store.accountForLogin("north-street", "zhang")).isEmpty();

        // Another organisation's zhang is stored; a second zhang of the same one is not, nor a second code.
        account(jdbc, "a3", "north", "zhang");
        assertThat(store.accountForLogin("north-street", "zhang")).map(Account::id).contains("a3");
        assertThatThrownBy(() -> account(jdbc, "a4", "north", "zhang")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> store.createOrganisation("Another demo", "demo"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(store.organisationNamedOrNew("Demo").code()).isEqualTo("demo-2");
    }

    private static void organisation(JdbcClient jdbc, String id, String name, int minute) {
        jdbc.sql("insert into organisation (id, name, created_at) values (:id, :name, :at)").param("id", id)
                .param("name", name).param("at", JsonText.utc(T0.plusSeconds(60L * minute))).update();
    }

    private static void account(JdbcClient jdbc, String id, String organisationId, String username) {
        jdbc.sql("""
                insert into account (id, organisation_id, username, password_hash, role, enabled, created_at)
                values (:id, :org, :username, '{bcrypt}x', 'ADMIN', true, :at)""")
                .param("id", id).param("org", organisationId).param("username", username)
                .param("at", JsonText.utc(T0)).update();
    }
}
