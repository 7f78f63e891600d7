package io.careroute.data.io;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.careroute.data.i18n.Text;

/**
 * Which column of a sheet holds which field, found from the header row. Unknown headers are left alone (a kitchen
 * may keep its own notes beside the data); a required column that is missing, or a column given twice, is an error.
 */
final class TableHeader {

    private final TableLayout kind;
    private final String source;
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private final Map<String, String> headerByKey = new HashMap<>();

    private TableHeader(TableLayout kind, String source) {
        this.kind = kind;
        this.source = source;
    }

    static TableHeader read(TableLayout kind, SourceTable table, SourceTable.Row headerRow, ImportErrors errors) {
        TableHeader header = new TableHeader(kind, table.name());
        for (int i = 0; i < headerRow.cells().size(); i++) {
            String text = headerRow.cell(i).trim();
            for (Column column : kind.columns()) {
                if (!text.isEmpty() && column.matches(text)) {
                    if (header.indexByKey.putIfAbsent(column.key(), i) != null) {
                        errors.column(table.name(), text, "import.duplicateColumn");
                    } else {
                        header.headerByKey.put(column.key(), text);
                    }
                }
            }
        }
        for (Column column : kind.columns()) {
            if (column.required() && !header.indexByKey.containsKey(column.key())) {
                errors.column(table.name(), column.chinese(), "import.missingColumn", column.chinese(), column.key());
            }
        }
        return header;
    }

    TableLayout kind() {
        return kind;
    }

    String source() {
        return source;
    }

    Optional<Integer> index(String key) {
        return Optional.ofNullable(indexByKey.get(key));
    }

    /** The header as the file writes it, or the layout's Chinese one when the column is absent. */
    String header(String key) {
        return headerByKey.getOrDefault(key, kind.column(key).map(Column::chinese).orElse(key));
    }

    /** As {@link #header(String)}, but in the reader's language when the file has no such column. */
    Text translatedHeader(String key) {
        String written = headerByKey.get(key);
        return written != null ? Text.plain(written) : kind.column(key).map(Column::header).orElse(Text.plain(key));
    }
}
