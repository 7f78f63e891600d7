package io.careroute.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The register's store against a real database migrated by the real scripts; H2 and PostgreSQL run it alike. */
abstract class RegistryStoreContract {

    static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    static final String ORG = "default";
    static final String OTHER = "registry-test-other";

    RegistryStore store;
    JdbcClient jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrateAndEmpty() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from week_day").update();            // weeks name a register version
        jdbc.sql("delete from week_plan").update();
        jdbc.sql("delete from registry_version").update();   // the test's own rows; the application never deletes
        if (jdbc.sql("select count(*) from organisation where id = :id").param("id", OTHER).query(Long.class).single() == 0) {
            jdbc.sql("insert into organisation (id, name, code, created_at) values (:id, :id, :id, current_timestamp)")
                    .param("id", OTHER).update();
        }
        store = new RegistryStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    static RegistryDocument registry(String json) {
        try {
            return ProblemJson.mapper().readValue(json, RegistryDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final RegistryDocument V1 = registry("""
            {"timeZone": "Asia/Shanghai", "elders": [{"id": "E1", "name": "甲"}, {"id": "E2", "name": "乙"}],
             "workers": [{"id": "W1"}]}""");
    static final RegistryDocument V2 = registry("""
            {"timeZone": "Asia/Shanghai", "elders": [{"id": "E1", "name": "甲", "careGrade": 3}, {"id": "E9"}],
             "workers": [{"id": "W1"}]}""");

    @Test
    void noRegisterIsVersionZero() {
        assertThat(store.currentVersion(ORG)).isZero();
        assertThat(store.current(ORG)).isEmpty();
        assertThat(store.versions(ORG)).isEmpty();
    }

    @Test
    void everyChangeIsANewVersionAndTheOldOnesStayAsTheyWere() {
        RegistryVersion first = store.append(ORG, null, V1, "account:a1");
        RegistryVersion second = store.append(ORG, 1, V2, "api-key:k1");

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.currentVersion(ORG)).isEqualTo(2);
        assertThat(store.current(ORG).orElseThrow().document()).isEqualTo(V2);
        assertThat(store.version(ORG, 1).orElseThrow().document()).isEqualTo(V1);
        assertThat(store.version(ORG, 3)).isEmpty();
        List<RegistryVersion> versions = store.versions(ORG);
        assertThat(versions).extracting(RegistryVersion::version).containsExactly(2, 1);
        assertThat(versions.get(0).by()).isEqualTo("api-key:k1");
        assertThat(versions.get(0).at()).isEqualTo(T0);
        assertThat(jdbc.sql("select count(*) from registry_version").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theSummaryNamesTheIdsAddedChangedAndRemoved() {
        RegistryVersion first = store.append(ORG, null, V1, "account:a1");
        assertThat(first.changes().elders().added()).containsExactly("E1", "E2");
        assertThat(first.changes().settings()).containsExactly("timeZone", "coordinateSystem");

        RegistryChanges changes = store.append(ORG, null, V2, "account:a1").changes();
        assertThat(changes.elders()).isEqualTo(new RegistryChanges.ListChanges(List.of("E9"), List.of("E1"),
                List.of("E2")));
        assertThat(changes.workers()).isEqualTo(new RegistryChanges.ListChanges(List.of(), List.of(), List.of()));
        assertThat(changes.settings()).isEmpty();
        assertThat(store.versions(ORG).get(0).changes()).isEqualTo(changes);
    }

    @Test
    void aChangeAgainstAStaleVersionIsRefusedAndStoresNothing() {
        store.append(ORG, null, V1, "account:a1");
        store.append(ORG, 1, V2, "account:a1");
        assertThatThrownBy(() -> store.append(ORG, 1, V1, "account:a2"))
                .isInstanceOfSatisfying(StaleRegistryException.class, e -> {
                    assertThat(e.expected()).isEqualTo(1);
                    assertThat(e.current()).isEqualTo(2);
                });
        assertThat(store.currentVersion(ORG)).isEqualTo(2);
        assertThatThrownBy(() -> store.append(OTHER, 1, V1, "account:a2")).isInstanceOf(StaleRegistryException.class);
    }

    @Test
    void organisationsHaveTheirOwnRegisters() {
        store.append(ORG, null, V1, "account:a1");
        store.append(ORG, null, V2, "account:a1");
        RegistryVersion theirs = store.append(OTHER, 0, V2, "account:b1");

        assertThat(theirs.version()).isEqualTo(1);
        assertThat(store.current(OTHER).orElseThrow().document()).isEqualTo(V2);
        assertThat(store.versions(OTHER)).hasSize(1);
        assertThat(store.version(OTHER, 2)).isEmpty();
        assertThat(store.currentVersion(ORG)).isEqualTo(2);
    }
}
