package io.careroute.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds and edits real .xlsx files for tests, the way a person would type them into Excel. */
final class TestWorkbook {

    private TestWorkbook() {
    }

    /** A workbook with one sheet per {@code sheets} entry: the name, then rows of cells (the header first). */
    static Path create(Path file, Object[]... sheets) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            for (Object[] sheetSpec : sheets) {
                Sheet sheet = workbook.createSheet((String) sheetSpec[0]);
                for (int r = 1; r < sheetSpec.length; r++) {
                    Object[] cells = (Object[]) sheetSpec[r];
                    Row row = sheet.createRow(r - 1);
                    for (int c = 0; c < cells.length; c++) {
                        set(row.createCell(c), cells[c]);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    static Object[] sheet(String name, Object[]... rows) {
        Object[] spec = new Object[rows.length + 1];
        spec[0] = name;
        System.arraycopy(rows, 0, spec, 1, rows.length);
        return spec;
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    /** Overwrites one cell, addressed as Excel shows it: sheet name, row number (header = 1), column header. */
    static void edit(Path file, String sheetName, int rowNumber, String header, Object value) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            Sheet sheet = workbook.getSheet(sheetName);
            Row headerRow = sheet.getRow(0);
            int column = -1;
            for (Cell cell : headerRow) {
                if (cell.getStringCellValue().equals(header)) {
                    column = cell.getColumnIndex();
                }
            }
            if (column < 0) {
                throw new IllegalArgumentException("no column " + header + " on " + sheetName);
            }
            Row row = sheet.getRow(rowNumber - 1) == null ? sheet.createRow(rowNumber - 1) : sheet.getRow(rowNumber - 1);
            Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
            set(cell, value);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void set(Cell cell, Object value) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
