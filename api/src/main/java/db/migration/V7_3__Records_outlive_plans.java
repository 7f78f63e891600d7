package db.migration;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Service records outlive their plans (issue 19.3): the retention deletes plans after N days, while a record is kept
 * (anonymous after an erasure) for the statistics. So service_record.plan_id no longer references plan. In Java
 * because the foreign key has a generated name on H2 (PostgreSQL calls it service_record_plan_id_fkey).
 */
public class V7_3__Records_outlive_plans extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        DatabaseMetaData meta = context.getConnection().getMetaData();
        List<String> keys = new ArrayList<>();
        try (ResultSet rows = meta.getImportedKeys(context.getConnection().getCatalog(),
                context.getConnection().getSchema(), "service_record")) {
            while (rows.next()) {
                if ("plan".equalsIgnoreCase(rows.getString("PKTABLE_NAME"))
                        && !keys.contains(rows.getString("FK_NAME"))) {
                    keys.add(rows.getString("FK_NAME"));
                }
            }
        }
        if (keys.isEmpty()) {
            throw new SQLException("service_record.plan_id: its foreign key to plan was not found");
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String key : keys) {
                statement.execute("alter table service_record drop constraint \"" + key + "\"");
            }
        }
    }
}
