package io.careroute.data.io;

import java.util.Optional;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;

/**
 * Where in a workbook or CSV file an import error is, in parts a page can put in a table's columns: the sheet (or
 * file) and header as the file writes them, and the row number Excel shows. Present only for errors the import
 * named by cell, row or column ({@link ImportErrors}); others are named by a JSON path or a file.
 *
 * @param row    null for an error about a whole column (a missing header)
 * @param column null for an error about a whole row
 */
public record CellAddress(String sheet, Integer row, String column) {

    /** The parts of an error's place, in the reader's language (a translated header stays translated). */
    public static Optional<CellAddress> of(InputError error, Messages messages) {
        Text where = error.where();
        if (where.isPlain() || where.key() == null) {
            return Optional.empty();
        }
        var args = where.args();
        return switch (where.key()) {
            case "import.field.cell" -> Optional.of(new CellAddress(text(args.get(0), messages),
                    Integer.valueOf(String.valueOf(args.get(1))), text(args.get(2), messages)));
            case "import.field.row" -> Optional.of(new CellAddress(text(args.get(0), messages),
                    Integer.valueOf(String.valueOf(args.get(1))), null));
            case "import.field.column" -> Optional.of(new CellAddress(text(args.get(0), messages), null,
                    text(args.get(1), messages)));
            default -> Optional.empty();
        };
    }

    private static String text(Object part, Messages messages) {
        return part instanceof Text t ? messages.format(t) : String.valueOf(part);
    }
}
