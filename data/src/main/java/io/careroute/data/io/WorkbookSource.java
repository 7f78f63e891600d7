package io.careroute.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads every sheet of an .xlsx (or .xls) workbook as text tables. */
final class WorkbookSource {

    private WorkbookSource() {
    }

    /** @throws IOException also for a file that is not a workbook or is password-protected (POI's exceptions) */
    static List<SourceTable> read(InputStream in) throws IOException {
        return read(in, name -> TableKind.named(name).isPresent());
    }

    /** @param known whether a sheet name is one of the layout's: a hidden sheet is read only then */
    static List<SourceTable> read(InputStream in, Predicate<String> known) throws IOException {
        List<SourceTable> tables = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(in)) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                boolean hidden = workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s);
                if (hidden && !known.test(sheet.getSheetName())) {
                    continue;   // lookup lists behind drop-downs, not data
                }
                tables.add(new SourceTable(sheet.getSheetName(), rows(sheet)));
            }
        }
        return tables;
    }

    private static List<SourceTable.Row> rows(Sheet sheet) {
        List<SourceTable.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            Set<Integer> errors = new HashSet<>();
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                Cell cell = row.getCell(c);
                cells.add(CellText.of(cell));
                if (CellText.isError(cell)) {
                    errors.add(c);
                }
            }
            SourceTable.Row read = new SourceTable.Row(row.getRowNum() + 1, cells, errors);
            if (!read.isBlank()) {
                rows.add(read);
            }
        }
        return rows;
    }
}
