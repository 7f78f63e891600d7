package io.careroute.data.io;

import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;

/**
 * Collects what is wrong with a workbook or a CSV folder, each error named the way a person finds it in Excel:
 * {@code 送餐 第 12 行 送餐时段} / {@code deliveries row 12, column windows}, with the sheet (or file) and the
 * header as they appear in the file. Fields and reasons are {@link Text}s, translated at the edge.
 */
final class ImportErrors {

    private final List<InputError> errors = new ArrayList<>();

    /** {@code source} and {@code header}: as the file writes them (a String) or in the reader's language (a Text). */
    void cell(Object source, int row, Object header, String key, Object... args) {
        errors.add(new InputError(cellField(source, row, header), Text.of(key, args)));
    }

    void column(Object source, Object header, String key, Object... args) {
        errors.add(new InputError(columnField(source, header), Text.of(key, args)));
    }

    void source(Object source, String key, Object... args) {
        errors.add(new InputError(Text.concat(source), Text.of(key, args)));
    }

    List<InputError> list() {
        return List.copyOf(errors);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    // Row numbers go in as text: MessageFormat would print row 1234 as "1,234".

    static Text cellField(Object source, int row, Object header) {
        return Text.of("import.field.cell", source, String.valueOf(row), header);
    }

    static Text rowField(Object source, int row) {
        return Text.of("import.field.row", source, String.valueOf(row));
    }

    static Text columnField(Object source, Object header) {
        return Text.of("import.field.column", source, header);
    }
}
