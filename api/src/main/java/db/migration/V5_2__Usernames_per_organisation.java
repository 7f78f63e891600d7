package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careroute.api.store.OrganisationCodes;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * User names unique per organisation (issue 19), not across all of them: a name taken elsewhere answered 409 and
 * told an admin that another organisation had such a user. A login then names the organisation by a short code
 * ({@code zhang@code}); every existing organisation gets the code its name suggests ("default", "demo"), or
 * {@code org-N} for a name that suggests none (a Chinese one), in the order they were created.
 * <p>
 * In Java, not SQL: deriving the codes needs string handling that PostgreSQL and H2 do not share, and the old unique
 * constraint on {@code account.username} has a generated name on H2 (PostgreSQL calls it account_username_key).
 */
public class V5_2__Usernames_per_organisation extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement statement = db.createStatement()) {
            statement.execute("alter table organisation add column code varchar(32)");
            Map<String, String> names = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("select id, name from organisation order by created_at, id")) {
                while (rows.next()) {
                    names.put(rows.getString("id"), rows.getString("name"));
                }
            }
            Set<String> taken = new HashSet<>();
            try (PreparedStatement update = db.prepareStatement("update organisation set code = ? where id = ?")) {
                for (Map.Entry<String, String> organisation : names.entrySet()) {
                    String code = OrganisationCodes.free(organisation.getValue(), taken::contains);
                    taken.add(code);
                    update.setString(1, code);
                    update.setString(2, organisation.getKey());
                    update.executeUpdate();
                }
            }
            statement.execute("alter table organisation alter column code set not null");
            statement.execute("alter table organisation add constraint organisation_code unique (code)");
            for (String constraint : uniqueOnUsername(db)) {
                statement.execute("alter table account drop constraint \"" + constraint + "\"");
            }
            statement.execute("alter table account add constraint account_organisation_username"
                    + " unique (organisation_id, username)");
        }
    }

    /** The names of the unique constraints on account.username alone. */
    private static List<String> uniqueOnUsername(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                select tc.constraint_name, count(*) as columns,
                       sum(case when k.column_name = 'username' then 1 else 0 end) as on_username
                from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
                where tc.table_schema = ? and tc.table_name = 'account' and tc.constraint_type = 'UNIQUE'
                group by tc.constraint_name""")) {
            query.setString(1, db.getSchema());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt("columns") == 1 && rows.getInt("on_username") == 1) {
                        names.add(rows.getString("constraint_name"));
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new SQLException("account.username: its unique constraint was not found");
        }
        return names;
    }
}
