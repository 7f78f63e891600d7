package io.careroute.api.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.PriorityClass;
import io.careroute.planning.outcomes.OutcomeReport;
import io.careroute.planning.outcomes.Share;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The outcome figures as a workbook, headers in the reader's language (Chinese first): the figures (one row each:
 * count, of, share), visits per elder, hours per worker. What a civil-affairs office is sent each month.
 */
public final class OutcomesWorkbook {

    private OutcomesWorkbook() {
    }

    public static byte[] write(OutcomeReport report, Messages messages) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet figures = sheet(book, bold, messages.get("outcome.sheet.figures"), messages,
                    "figure", "count", "of", "share");
            int r = 1;
            r = row(figures, r, messages.get("outcome.figure.period"), report.from() + " – " + report.to(), null, null);
            r = row(figures, r, messages.get("outcome.figure.plans"), report.plans(), report.plansRecorded(), null);
            r = share(figures, r, messages.get("outcome.figure.visits"), report.visits().deliveredOfOwed());
            r = share(figures, r, messages.get("outcome.figure.priorityInWindow"), report.priorityInWindow());
            r = share(figures, r, messages.get("outcome.figure.mealsHot"), report.mealsHot());
            r = share(figures, r, messages.get("outcome.figure.punctuality"), report.punctuality().onTime());
            r = row(figures, r, messages.get("outcome.figure.lateMinutes"), report.punctuality().meanLateMinutes(),
                    null, null);
            r = share(figures, r, messages.get("outcome.figure.continuity"), Share.of(
                    report.continuity().withOneWorker(), report.continuity().elders()));
            r = row(figures, r, messages.get("outcome.figure.volunteerHours"), report.hours().volunteerHours(), null,
                    null);
            row(figures, r, messages.get("outcome.figure.volunteerTravelHours"), report.hours().volunteerTravelHours(),
                    null, null);
            figures.setColumnWidth(0, 36 * 256);

            Sheet elders = sheet(book, bold, messages.get("outcome.sheet.elders"), messages,
                    "elderId", "classes", "owed", "planned", "delivered", "shortfall");
            r = 1;
            for (OutcomeReport.ElderVisits e : report.visits().elders()) {
                write(elders.createRow(r++), e.elderId(), classes(e.classes(), messages), e.owed(), e.planned(),
                        e.delivered(), e.shortfall());
            }
            Sheet workers = sheet(book, bold, messages.get("outcome.sheet.workers"), messages,
                    "workerId", "role", "stops", "serviceHours", "travelHours");
            r = 1;
            for (OutcomeReport.WorkerHours w : report.hours().workers()) {
                write(workers.createRow(r++), w.workerId(),
                        w.role() == null ? null : messages.get("outcome.role." + w.role().name()), w.stops(),
                        w.serviceHours(), w.travelHours());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook book, CellStyle bold, String name, Messages messages, String... columns) {
        Sheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            header.createCell(c).setCellValue(messages.get("outcome.column." + columns[c]));
            header.getCell(c).setCellStyle(bold);
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static int share(Sheet sheet, int r, String figure, Share share) {
        return row(sheet, r, figure, share.count(), share.of(), share.share());
    }

    private static int row(Sheet sheet, int r, Object... values) {
        write(sheet.createRow(r), values);
        return r + 1;
    }

    private static void write(Row row, Object... values) {
        List<Object> all = Arrays.asList(values);
        for (int c = 0; c < all.size(); c++) {
            Object value = all.get(c);
            if (value instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }

    private static String classes(List<PriorityClass> classes, Messages messages) {
        return String.join(messages.isEnglish() ? ", " : "、",
                classes.stream().map(c -> messages.get("outcome.class." + c.name())).toList());
    }
}
