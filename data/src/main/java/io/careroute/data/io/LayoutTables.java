package io.careroute.data.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables of one workbook or CSV folder sorted by the kind of sheet they are in a layout, with their headers read
 * once: the part of reading that is the same for a day's problem and for a register. Every error (an unknown or
 * duplicated sheet, a missing column, a bad cell) goes to the one {@link ImportErrors}.
 */
final class LayoutTables<K extends Enum<K> & TableLayout> {

    /** The good rows of a sheet as entities, and the row number each came from (for errors found later). */
    record Good<T>(List<T> items, List<Integer> rowNumbers) {
    }

    private final K[] kinds;
    private final ImportErrors errors;
    private final Map<K, SourceTable> tables;
    private final Map<K, TableHeader> headers;

    LayoutTables(Class<K> type, ImportErrors errors) {
        this.kinds = type.getEnumConstants();
        this.errors = errors;
        this.tables = new EnumMap<>(type);
        this.headers = new EnumMap<>(type);
    }

    void sort(List<SourceTable> sourceTables) {
        for (SourceTable table : sourceTables) {
            String name = table.name().replaceFirst("(?i)\\.csv$", "");
            if (TableLayout.ignored(name)) {
                continue;
            }
            var kind = TableLayout.named(kinds, name);
            if (kind.isEmpty()) {
                errors.source(table.name(), "import.unknownSheet", TableLayout.expectedNames(kinds));
            } else if (tables.containsKey(kind.get())) {
                errors.source(table.name(), "import.duplicateSheet", tables.get(kind.get()).name());
            } else {
                tables.put(kind.get(), table);
            }
        }
    }

    /** The sheet of a kind; null when the file has none. */
    SourceTable table(K kind) {
        return tables.get(kind);
    }

    /** The header of a sheet, read (and its errors reported) once; null when there is no such sheet. */
    TableHeader header(K kind) {
        SourceTable table = tables.get(kind);
        if (table == null) {
            return null;
        }
        return headers.computeIfAbsent(kind, k -> table.rows().isEmpty()
                // An empty sheet holds no data: nothing to say about its columns.
                ? TableHeader.read(k, table, new SourceTable.Row(1, List.of(), Set.of()), new ImportErrors())
                : TableHeader.read(k, table, table.rows().get(0), errors));
    }

    /** The data rows of a sheet: every non-blank row after the header. Call once per sheet: rows report errors. */
    List<RowCells> cells(K kind) {
        SourceTable table = tables.get(kind);
        if (table == null) {
            return List.of();
        }
        TableHeader header = header(kind);
        return table.rows().stream().skip(1).map(row -> new RowCells(header, row, errors)).toList();
    }

    /** The good rows of a sheet as entities; null when the file has no such sheet (as a missing list in JSON). */
    <T> Good<T> rows(K kind, Function<RowCells, T> entity) {
        if (!tables.containsKey(kind)) {
            return null;
        }
        List<T> good = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (RowCells row : cells(kind)) {
            T value = entity.apply(row);
            if (row.ok()) {
                good.add(value);
                rowNumbers.add(row.rowNumber());
            }
        }
        return new Good<>(good, rowNumbers);
    }

    /** Ids of every row of a sheet, good or bad, so that a reference to a bad row is not reported twice. */
    Set<String> allIds(K kind) {
        Set<String> ids = new HashSet<>();
        SourceTable table = tables.get(kind);
        if (table == null) {
            return ids;
        }
        TableHeader header = header(kind);
        ImportErrors quiet = new ImportErrors();
        for (SourceTable.Row row : table.rows().stream().skip(1).toList()) {
            String id = new RowCells(header, row, quiet).text("id");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
