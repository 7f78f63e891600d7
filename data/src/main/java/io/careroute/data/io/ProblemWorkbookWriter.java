package io.careroute.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WorkerDoc;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a problem as a workbook in the import layout, so that reading it back gives the same document. Headers
 * and fixed values are in the messages' language (Chinese by default); text columns are formatted as text so
 * that Excel keeps ids like {@code 007} and windows like {@code 11:00-12:00} as typed.
 */
final class ProblemWorkbookWriter {

    private static final Set<String> NUMERIC = Set.of("lat", "lon", "startLat", "startLon", "endLat", "endLon",
            "loadingMinutes", "maxMinutesFromKitchen", "boxes", "capacityBoxes", "costPerHour", "maxHoursPerDay",
            "maxKmFromHome", "handoverMinutes", "durationMinutes", "priority", "workersNeeded");

    private final Messages messages;
    private final PlanDay day;
    private final Workbook workbook = new XSSFWorkbook();
    private final CellStyle headerStyle;
    private final CellStyle textStyle;

    private ProblemWorkbookWriter(ProblemDocument problem, Messages messages) {
        this.messages = messages;
        this.day = problem.date() == null ? null : PlanDay.of(problem);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
    }

    static void write(ProblemDocument problem, OutputStream out, Messages messages) throws IOException {
        ProblemWorkbookWriter writer = new ProblemWorkbookWriter(problem, messages);
        writer.fill(problem);
        try (Workbook workbook = writer.workbook) {
            workbook.write(out);
        }
    }

    private void fill(ProblemDocument p) {
        sheet(TableKind.SETTINGS, List.of(Arrays.asList(p.date() == null ? null : p.date().toString(), p.timeZone(),
                p.coordinateSystem() == null ? null : ValueLabels.COORDINATES.write(p.coordinateSystem(), messages))));
        List<List<Object>> kitchens = new ArrayList<>();
        List<List<Object>> batches = new ArrayList<>();
        for (KitchenDoc k : p.kitchensOrEmpty()) {
            kitchens.add(Arrays.asList(k.id(), lat(k.location()), lon(k.location()), k.loadingMinutes(), k.maxMinutesFromKitchen()));
            for (KitchenDoc.BatchDoc b : k.batchesOrEmpty()) {
                batches.add(Arrays.asList(k.id(), b.id(), CellValues.write(b.readyAt(), day), b.boxes()));
            }
        }
        sheet(TableKind.KITCHENS, kitchens);
        sheet(TableKind.BATCHES, batches);
        sheet(TableKind.ELDERS, p.eldersOrEmpty().stream().map(this::elder).toList());
        sheet(TableKind.WORKERS, p.workersOrEmpty().stream().map(this::worker).toList());
        sheet(TableKind.DELIVERIES, p.deliveriesOrEmpty().stream().map(this::delivery).toList());
        sheet(TableKind.VISITS, p.visitsOrEmpty().stream().map(this::visit).toList());
        readme();
    }

    private List<Object> elder(ElderDoc e) {
        return Arrays.asList(e.id(), e.name(), e.phone(), e.address(), lat(e.location()), lon(e.location()),
                e.priorityClass() == null ? null : ValueLabels.PRIORITY.write(e.priorityClass(), messages),
                e.requiredWorkerGender() == null ? null : gender(e.requiredWorkerGender()),
                CellValues.writeList(e.preferredWorkers()), CellValues.writeList(e.refusedWorkers()));
    }

    private List<Object> worker(WorkerDoc w) {
        return Arrays.asList(w.id(), w.role() == null ? null : ValueLabels.ROLE.write(w.role(), messages),
                w.mode() == null ? null : ValueLabels.MODE.write(w.mode(), messages),
                w.gender() == null ? null : gender(w.gender()),
                lat(w.start()), lon(w.start()), lat(w.end()), lon(w.end()),
                CellValues.writeWindows(w.shifts(), day), w.capacityBoxes(), CellValues.writeSkills(w.skills()),
                w.costPerHour(), w.maxHoursPerDay(), w.maxKmFromHome());
    }

    private List<Object> delivery(DeliveryDoc d) {
        return Arrays.asList(d.id(), d.elderId(), d.kitchenId(), d.batchId(), d.boxes(),
                CellValues.writeWindows(d.windows(), day), d.handoverMinutes());
    }

    private List<Object> visit(VisitDoc v) {
        return Arrays.asList(v.id(), v.elderId(), v.type() == null ? null : ValueLabels.VISIT_TYPE.write(v.type(), messages),
                CellValues.writeList(v.requiredSkills()), v.durationMinutes(), CellValues.writeWindows(v.windows(), day),
                v.priority(), v.urgent() == null ? null : ValueLabels.YES_NO.write(v.urgent(), messages),
                v.workersNeeded(), v.pinnedWorkerId());
    }

    /** A gender the validator would refuse is written as given, so that the error can be found in the sheet. */
    private String gender(String code) {
        try {
            return ValueLabels.GENDER.write(ValueLabels.GENDER.parse(code), messages);
        } catch (BadValue unknown) {
            return code;
        }
    }

    private void sheet(TableKind kind, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(kind.sheetName(messages));
        List<Column> columns = kind.columns();
        Row header = sheet.createRow(0);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String text = columns.get(c).header(messages);
            header.createCell(c).setCellValue(text);
            header.getCell(c).setCellStyle(headerStyle);
            widths[c] = displayWidth(text);
            if (!NUMERIC.contains(columns.get(c).key())) {
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

    /** How to fill in the workbook, for the person who gets it as a template. Not read back. */
    private void readme() {
        Sheet sheet = workbook.createSheet(messages.isEnglish() ? "readme" : "说明");
        String[] lines = messages.get("template.readme").split("\\|");
        for (int i = 0; i < lines.length; i++) {
            sheet.createRow(i).createCell(0).setCellValue(lines[i].trim());
        }
        sheet.setColumnWidth(0, 120 * 256);
    }

    /** Chinese characters take two columns of width. */
    private static int displayWidth(String text) {
        return text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }

    private static Double lat(LocationDoc location) {
        return location == null ? null : location.lat();
    }

    private static Double lon(LocationDoc location) {
        return location == null ? null : location.lon();
    }
}
