package io.careroute.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sheets of a layout the way the importer reads them back: a bold header row in the messages' language,
 * one row per item, text columns formatted as text so that Excel keeps ids like {@code 007} and windows like
 * {@code 11:00-12:00} as typed, numbers as numbers, and a frozen header.
 */
final class SheetWriter implements AutoCloseable {

    private final Messages messages;
    private final Workbook workbook = new XSSFWorkbook();
    private final CellStyle headerStyle;
    private final CellStyle textStyle;

    SheetWriter(Messages messages) {
        this.messages = messages;
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
    }

    /**
     * @param rows    one list of values per row, in the order of the layout's columns: a {@link Number}, a
     *                {@link String}, or null for a blank cell
     * @param numeric the keys of the columns that hold numbers (every other column is formatted as text)
     */
    void sheet(TableLayout kind, List<List<Object>> rows, Set<String> numeric) {
        Sheet sheet = workbook.createSheet(kind.sheetName(messages));
        List<Column> columns = kind.columns();
        Row header = sheet.createRow(0);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String text = columns.get(c).header(messages);
            header.createCell(c).setCellValue(text);
            header.getCell(c).setCellStyle(headerStyle);
            widths[c] = displayWidth(text);
            if (!numeric.contains(columns.get(c).key())) {
                sheet.setDefaultColumnStyle(c, textStyle);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (value instanceof String text && !text.isEmpty()) {
                    row.createCell(c).setCellValue(text);
                    row.getCell(c).setCellStyle(textStyle);
                    widths[c] = Math.max(widths[c], displayWidth(text));
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(60, widths[c] + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** How to fill in the workbook, for the person who gets it as a template: lines split at {@code |}. Not read back. */
    void readme(String messageKey) {
        Sheet sheet = workbook.createSheet(messages.isEnglish() ? "readme" : "说明");
        String[] lines = messages.get(messageKey).split("\\|");
        for (int i = 0; i < lines.length; i++) {
            sheet.createRow(i).createCell(0).setCellValue(lines[i].trim());
        }
        sheet.setColumnWidth(0, 120 * 256);
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    /** Chinese characters take two columns of width. */
    private static int displayWidth(String text) {
        return text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }
}
