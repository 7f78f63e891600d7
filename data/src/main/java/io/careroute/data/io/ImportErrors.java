package io.careroute.data.io;

import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;

/**
 * Collects what is wrong with a workbook or a CSV folder, each error named the way a person finds it in Excel:
 * {@code 送餐 第 12 行 送餐时段} / {@code deliveries row 12, column windows}, with the sheet (or file) and the
 * header as they appear in the file.
 */
final class ImportErrors {

    private final Messages messages;
    private final List<InputError> errors = new ArrayList<>();

    ImportErrors(Messages messages) {
        this.messages = messages;
    }

    Messages messages() {
        return messages;
    }

    void cell(String source, int row, String header, String key, Object... args) {
        errors.add(new InputError(cellField(messages, source, row, header), messages.get(key, args)));
    }

    void column(String source, String header, String key, Object... args) {
        errors.add(new InputError(columnField(messages, source, header), messages.get(key, args)));
    }

    void source(String source, String key, Object... args) {
        errors.add(new InputError(source, messages.get(key, args)));
    }

    List<InputError> list() {
        return List.copyOf(errors);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    // Row numbers go in as text: MessageFormat would print row 1234 as "1,234".

    static String cellField(Messages messages, String source, int row, String header) {
        return messages.get("import.field.cell", source, String.valueOf(row), header);
    }

    static String rowField(Messages messages, String source, int row) {
        return messages.get("import.field.row", source, String.valueOf(row));
    }

    static String columnField(Messages messages, String source, String header) {
        return messages.get("import.field.column", source, header);
    }
}
