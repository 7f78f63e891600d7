package io.careroute.data.io;

import java.util.List;
import java.util.Set;

/**
 * One sheet of a workbook or one .csv file, as text: its name as the user sees it and its non-blank rows, the
 * header first. Row numbers are those a spreadsheet shows (the header is usually row 1).
 */
record SourceTable(String name, List<Row> rows) {

    /**
     * @param excelErrors positions of cells holding an Excel error value such as {@code #N/A}
     */
    record Row(int number, List<String> cells, Set<Integer> excelErrors) {

        Row {
            cells = List.copyOf(cells);
            excelErrors = Set.copyOf(excelErrors);
        }

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean isBlank() {
            return excelErrors.isEmpty() && cells.stream().allMatch(String::isBlank);
        }
    }
}
