package io.careroute.data.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.sheets.RouteSheets.Carrier;
import io.careroute.data.sheets.RouteSheets.Line;
import io.careroute.data.sheets.RouteSheets.Unserved;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Route sheets as a workbook: a summary sheet first (per carrier: tasks, boxes, trips, km, travel minutes, first
 * departure, return; then the unassigned tasks), then one sheet per carrier, set up to print on A4.
 */
public final class RouteSheetWorkbook {

    /** Rows of a carrier's sheet above its table: title, description, totals, a blank line. */
    static final int TABLE_HEADER_ROW = 4;
    static final List<String> SUMMARY_COLUMNS = List.of("worker", "mode", "tasks", "boxes", "trips", "km", "minutes",
            "departure", "return");

    private final SheetText text;
    private final Workbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle header;
    private final CellStyle wrap;
    private final CellStyle oneDecimal;
    private final Set<String> sheetNames = new HashSet<>();

    private RouteSheetWorkbook(Messages messages) {
        text = new SheetText(messages);
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        header = workbook.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        oneDecimal = workbook.createCellStyle();
        oneDecimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
    }

    public static void write(RouteSheets sheets, Messages messages, OutputStream out) throws IOException {
        RouteSheetWorkbook writer = new RouteSheetWorkbook(messages);
        writer.summary(sheets);
        for (Carrier carrier : sheets.working()) {
            writer.carrier(carrier, sheets);
        }
        try (Workbook workbook = writer.workbook) {
            workbook.write(out);
        }
    }

    private void summary(RouteSheets sheets) {
        Sheet sheet = workbook.createSheet(uniqueName(text.get("sheets.summary")));
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(text.get("sheets.title", sheets.date()));
        title.getCell(0).setCellStyle(bold);
        headerRow(sheet.createRow(2), SUMMARY_COLUMNS.stream().map(c -> text.get("sheets.sum." + c)).toList());
        int r = 3;
        long tasks = 0, boxes = 0, trips = 0, metres = 0, seconds = 0;
        for (Carrier carrier : sheets.carriers()) {
            var t = carrier.totals();
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(carrier.workerId());
            row.createCell(1).setCellValue(text.mode(carrier));
            row.createCell(2).setCellValue(t.tasks());
            row.createCell(3).setCellValue(t.boxes());
            row.createCell(4).setCellValue(t.trips());
            row.createCell(5).setCellValue(t.travelMetres() / 1000.0);
            row.getCell(5).setCellStyle(oneDecimal);
            row.createCell(6).setCellValue(SheetText.minutes(t.travelSeconds()));
            row.createCell(7).setCellValue(SheetText.clock(t.firstDeparture()));
            row.createCell(8).setCellValue(SheetText.clock(t.returnTime()));
            tasks += t.tasks();
            boxes += t.boxes();
            trips += t.trips();
            metres += t.travelMetres();
            seconds += t.travelSeconds();
        }
        Row total = sheet.createRow(r++);
        total.createCell(0).setCellValue(text.get("sheets.sum.total"));
        total.createCell(2).setCellValue(tasks);
        total.createCell(3).setCellValue(boxes);
        total.createCell(4).setCellValue(trips);
        total.createCell(5).setCellValue(metres / 1000.0);
        total.getCell(5).setCellStyle(oneDecimal);
        total.createCell(6).setCellValue(SheetText.minutes(seconds));
        total.forEach(cell -> { if (cell.getColumnIndex() != 5) { cell.setCellStyle(bold); } });
        if (!sheets.unserved().isEmpty()) {
            unserved(sheet, r + 1, sheets.unserved());
        }
        widths(sheet, 10, 10, 8, 8, 8, 12, 12, 12, 10);
        printOnA4(sheet, 2);
    }

    private void unserved(Sheet sheet, int firstRow, List<Unserved> unserved) {
        Row title = sheet.createRow(firstRow);
        title.createCell(0).setCellValue(text.get("sheets.unserved", unserved.size()));
        title.getCell(0).setCellStyle(bold);
        headerRow(sheet.createRow(firstRow + 1), List.of("task", "elder", "address", "phone", "reason").stream()
                .map(c -> text.get("sheets.col." + c)).toList());
        int r = firstRow + 2;
        for (Unserved task : unserved) {
            Row row = sheet.createRow(r++);
            set(row, 0, task.taskId());
            set(row, 1, task.elder().name());
            set(row, 2, task.elder().address());
            set(row, 3, task.elder().phone());
            set(row, 4, task.reason());
        }
    }

    private void carrier(Carrier carrier, RouteSheets sheets) {
        Sheet sheet = workbook.createSheet(uniqueName(carrier.workerId()));
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(text.get("sheets.carrier", carrier.workerId(), sheets.date()));
        title.getCell(0).setCellStyle(bold);
        sheet.createRow(1).createCell(0).setCellValue(text.describe(carrier));
        sheet.createRow(2).createCell(0).setCellValue(text.totals(carrier));
        headerRow(sheet.createRow(TABLE_HEADER_ROW), List.of("seq", "arrival", "kind", "task", "elder", "address", "phone",
                "boxes", "notes", "done").stream().map(c -> text.get("sheets.col." + c)).toList());
        int r = TABLE_HEADER_ROW + 1;
        for (Line line : carrier.stops()) {
            Row row = sheet.createRow(r++);
            boolean task = line.kind() == StopKind.DELIVERY || line.kind() == StopKind.VISIT;
            if (line.sequence() > 0) {
                row.createCell(0).setCellValue(line.sequence());
            }
            set(row, 1, SheetText.clock(line.arrival()));
            set(row, 2, text.kind(line));
            set(row, 3, task ? line.taskId() : line.place());
            if (task) {
                set(row, 4, line.elder().name());
                set(row, 5, line.elder().address());
                set(row, 6, line.elder().phone());
            }
            if (line.boxes() > 0) {
                row.createCell(7).setCellValue(line.boxes());
            }
            set(row, 8, text.notes(line));
            if (row.getCell(8) != null) {
                row.getCell(8).setCellStyle(wrap);
            }
            if (!task) {
                row.forEach(cell -> { if (cell.getColumnIndex() != 8) { cell.setCellStyle(bold); } });
            }
        }
        widths(sheet, 5, 7, 6, 16, 9, 26, 14, 6, 36, 7);
        sheet.createFreezePane(0, TABLE_HEADER_ROW + 1);
        printOnA4(sheet, TABLE_HEADER_ROW);
    }

    private void headerRow(Row row, List<String> titles) {
        for (int c = 0; c < titles.size(); c++) {
            row.createCell(c).setCellValue(titles.get(c));
            row.getCell(c).setCellStyle(header);
        }
    }

    private static void set(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, (characters[c] + 2) * 256);
        }
    }

    /** A4 landscape, one page wide, the table header repeated on every printed page. */
    private static void printOnA4(Sheet sheet, int headerRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    }

    /** Sheet names: at most 31 characters, none of []:*?/\, unique ignoring case (as Excel requires). */
    private String uniqueName(String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted);
        String name = base;
        for (int n = 2; !sheetNames.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
