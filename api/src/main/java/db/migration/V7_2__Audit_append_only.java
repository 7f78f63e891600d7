package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit trail append-only in the database itself, not only in the code: on PostgreSQL a trigger refuses every
 * update and delete of audit_event (also truncate). In Java because the trigger is PL/pgSQL, which H2 does not
 * speak; on H2 (a single embedded instance) the guard is that no code path updates or deletes the table.
 */
public class V7_2__Audit_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!database.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create function audit_event_append_only() returns trigger language plpgsql as $$
                    begin
                        raise exception 'audit_event is append-only: % refused', tg_op;
                    end $$""");
            statement.execute("""
                    create trigger audit_event_no_change before update or delete on audit_event
                    for each row execute function audit_event_append_only()""");
            statement.execute("""
                    create trigger audit_event_no_truncate before truncate on audit_event
                    for each statement execute function audit_event_append_only()""");
        }
    }
}
