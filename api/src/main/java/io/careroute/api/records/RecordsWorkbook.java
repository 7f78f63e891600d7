package io.careroute.api.records;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.careroute.api.store.ServiceRecord;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.VisitType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Service records as one sheet, a row per stop's current record, headers in the reader's language (Chinese first):
 * what a property company hands in to be paid for a government-purchased service, and a civil-affairs office counts.
 * Times are 24-hour in the server's zone; notes are personal data, as in the route sheets: the file is for the
 * organisation.
 */
public final class RecordsWorkbook {

    static final List<String> COLUMNS = List.of("date", "taskId", "kind", "type", "elderId", "workerId", "checkIn",
            "checkOut", "minutes", "outcome", "note", "alert", "planId", "planVersion", "version", "action");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private RecordsWorkbook() {
    }

    public static byte[] write(List<ServiceRecord> records, ZoneId zone, Messages messages) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.get("record.sheet"));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(messages.get("record.column." + COLUMNS.get(c)));
                header.getCell(c).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (ServiceRecord record : records) {
                Row row = sheet.createRow(r++);
                List<Object> values = values(record, zone, messages);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Integer number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, COLUMNS.get(c).equals("note") ? 40 * 256 : 14 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> values(ServiceRecord r, ZoneId zone, Messages messages) {
        var s = r.subject();
        var f = r.facts();
        return java.util.Arrays.asList(s.planDate().toString(), s.taskId(), messages.get("record.kind." + s.kind()),
                type(s.type(), messages), s.elderId(), s.workerId(),
                f.checkIn() == null ? null : HH_MM.format(f.checkIn().atZone(zone)),
                f.checkOut() == null ? null : HH_MM.format(f.checkOut().atZone(zone)), f.minutes(),
                f.outcome() == null ? null : messages.get("record.outcome." + f.outcome().name()), f.note(),
                f.alert() == null ? null : messages.get("record.alert." + f.alert()), s.planId(), s.planVersion(),
                r.version(), messages.get("record.action." + r.change().action().name()));
    }

    private static String type(String type, Messages messages) {
        if (type == null) {
            return null;
        }
        return messages.isEnglish() ? type : VisitType.valueOf(type).chinese();
    }
}
