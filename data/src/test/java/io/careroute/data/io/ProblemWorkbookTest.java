package io.careroute.data.io;

import static io.careroute.data.io.SmallProblem.at;
import static io.careroute.data.io.SmallProblem.window;
import static io.careroute.data.io.TestWorkbook.row;
import static io.careroute.data.io.TestWorkbook.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.solver.domain.TravelMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A problem written as a workbook reads back as the same document; headers may be Chinese or English. */
class ProblemWorkbookTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void aWrittenWorkbookReadsBackAsTheSameDocument(String language) {
        Messages messages = Messages.forLanguage(language);
        Path file = dir.resolve("problem.xlsx");
        ProblemFiles.writeWorkbook(SmallProblem.document(), file, messages);

        ImportResult imported = ProblemImporter.workbook(file);

        assertThat(imported.errors()).isEmpty();
        assertThat(imported.document()).isEqualTo(SmallProblem.document());
        assertThat(ProblemFiles.read(file)).isEqualTo(SmallProblem.document());
    }

    @Test
    void aChineseWorkbookHasChineseSheetsHeadersAndValues() throws Exception {
        Path file = dir.resolve("problem.xlsx");
        ProblemFiles.writeWorkbook(SmallProblem.document(), file, Messages.chinese());
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile())) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("设置");
            var deliveries = workbook.getSheet("送餐");
            assertThat(deliveries.getRow(0).getCell(5).getStringCellValue()).isEqualTo("送餐时段");
            assertThat(deliveries.getRow(1).getCell(5).getStringCellValue()).isEqualTo("11:00-12:00");
            assertThat(workbook.getSheet("老人").getRow(1).getCell(6).getStringCellValue()).isEqualTo("失能");
            assertThat(workbook.getSheet("上门服务").getRow(2).getCell(5).getStringCellValue())
                    .isEqualTo("23:30/2026-11-25T00:30:00+08:00");
            assertThat(workbook.getSheet("服务人员").getRow(3).getCell(10).getStringCellValue())
                    .isEqualTo("BATHING:2027-06-30;CLEANING");
        }
    }

    /** What a kitchen types by hand: mixed languages, odd case and spacing, Excel dates, times and numbers. */
    @Test
    void headersAndSheetNamesInEitherLanguageAnyCaseAndSpacing() throws Exception {
        Path file = TestWorkbook.create(dir.resolve("kitchen.xlsx"),
                sheet(" Settings ", row("DATE", "时区", "Coordinate System"),
                        row("2026/11/24", "Asia/Shanghai", "高德")),
                sheet("厨房", row("厨房编号", " Lat ", "经度", "loading_minutes"),
                        row("K1", 31.2304, 121.4737, 5)),
                sheet("MEAL BATCHES", row("kitchenId", "餐批编号", "出餐时间（当天）", "boxes"),
                        row("K1", "L", "10:45", 2)),
                sheet("服务对象", row("老人编号", "姓名", "电话", "地址", "纬度", "经度", "老人类别", "要求性别", "备注"),
                        row("E1", SmallProblem.NAME, 13800000001L, SmallProblem.ADDRESS, SmallProblem.HOME_LAT, 121.47501,
                                "独居", "女", "a note of the kitchen's own: ignored")),
                sheet("workers", row("Worker ID", "Mode", "Start Lat", "START_LON", "Shifts", "Capacity Boxes"),
                        row("W1", "电动车", 31.2304, 121.4737, "10:15-13:15", 12)),
                sheet("订单", row("*编号", "老人编号", "厨房编号", "份数", "送餐时段"),
                        row("O1", "E1", "K1", 2, "11:00～12:00；14:00-15:00")));

        ProblemDocument read = ProblemFiles.read(file);

        LocationDoc kitchen = new LocationDoc(31.2304, 121.4737);
        assertThat(read).isEqualTo(new ProblemDocument(LocalDate.of(2026, 11, 24), "Asia/Shanghai", CoordinateSystemName.GCJ02,
                List.of(new KitchenDoc("K1", kitchen, 5, null, List.of(new KitchenDoc.BatchDoc("L", at("10:45:00"), 2)))),
                List.of(new ElderDoc("E1", new LocationDoc(SmallProblem.HOME_LAT, 121.47501), SmallProblem.NAME,
                        SmallProblem.PHONE, SmallProblem.ADDRESS, PriorityClass.ALONE, "F", null, null)),
                List.of(new WorkerDoc("W1", null, TravelMode.EBIKE, null, kitchen, null, List.of(window("10:15:00", "13:15:00")),
                        12, null, null, null, null)),
                List.of(new DeliveryDoc("O1", "E1", "K1", null, 2,
                        List.of(window("11:00:00", "12:00:00"), window("14:00:00", "15:00:00")), null)),
                null));
    }

    @Test
    void excelDateAndTimeCellsReadAsTheirDateAndTime() throws Exception {
        Path file = dir.resolve("problem.xlsx");
        ProblemFiles.writeWorkbook(SmallProblem.document(), file, Messages.chinese());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(file))) {
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            var timeStyle = workbook.createCellStyle();
            timeStyle.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
            var date = workbook.getSheet("设置").getRow(1).getCell(0);
            date.setCellValue(LocalDate.of(2026, 11, 24));
            date.setCellStyle(dateStyle);
            var readyAt = workbook.getSheet("餐批").getRow(1).getCell(2);
            readyAt.setCellValue(10.75 / 24);    // 10:45 as Excel stores a typed time
            readyAt.setCellStyle(timeStyle);
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        assertThat(ProblemFiles.read(file)).isEqualTo(SmallProblem.document());
    }

    @Test
    void sheetsOfTheWorkbookWriterAreNamedForTheLayout() {
        for (TableKind kind : TableKind.values()) {
            assertThat(TableKind.named(kind.sheetName(Messages.chinese()))).contains(kind);
            assertThat(TableKind.named(kind.sheetName(Messages.english()).toUpperCase())).contains(kind);
            for (Column column : kind.columns()) {
                // Every header names exactly one column of its sheet.
                assertThat(kind.columns().stream().filter(c -> c.matches(column.chinese()))).containsExactly(column);
                assertThat(kind.columns().stream().filter(c -> c.matches(column.key()))).containsExactly(column);
            }
        }
        assertThat(WorkerRole.values()).hasSize(ValueLabels.ROLE.values().size());
    }
}
