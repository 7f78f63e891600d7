package io.careroute.data.io;

import io.careroute.data.i18n.Text;

/**
 * The cells of one data row, read by column key. A cell that does not read is reported (sheet, row, header,
 * reason) and read as absent; {@link #ok()} then tells the row is bad, so it is not put into the document.
 */
final class RowCells {

    /** Reads a non-blank cell's text, or says why it cannot. */
    interface Parser<T> {
        T parse(String text) throws BadValue;
    }

    private final TableHeader header;
    private final SourceTable.Row row;
    private final ImportErrors errors;
    private boolean ok = true;

    RowCells(TableHeader header, SourceTable.Row row, ImportErrors errors) {
        this.header = header;
        this.row = row;
        this.errors = errors;
    }

    int rowNumber() {
        return row.number();
    }

    boolean ok() {
        return ok;
    }

    /** The trimmed text, or null for a blank cell or a column the sheet does not have. */
    String text(String key) {
        Integer index = header.index(key).orElse(null);
        if (index == null) {
            return null;
        }
        if (row.excelErrors().contains(index)) {
            fail(key, "import.excelError", row.cell(index));
            return null;
        }
        String text = row.cell(index).trim();
        return text.isEmpty() ? null : text;
    }

    <T> T value(String key, Parser<T> parser) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return parser.parse(text);
        } catch (BadValue bad) {
            Object[] args = bad.args();
            boolean personal = header.kind().column(key).map(Column::personal).orElse(false);
            if (personal && args.length > 0) {
                // The reason goes back to the user, but never quotes someone's phone or home coordinates.
                args[0] = Text.of("import.hidden");
            }
            fail(key, bad.key(), args);
            return null;
        }
    }

    Integer integer(String key) {
        return value(key, CellValues::integer);
    }

    Double decimal(String key) {
        return value(key, CellValues::decimal);
    }

    private void fail(String key, String reason, Object... args) {
        ok = false;
        errors.cell(header.source(), row.number(), header.header(key), reason, args);
    }
}
