package io.careroute.data.io;

import static io.careroute.data.io.TestWorkbook.row;
import static io.careroute.data.io.TestWorkbook.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.VisitDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad cell is reported with its sheet, row and column; no good row is lost; nothing is repaired. */
class BadCellsImportTest {

    @TempDir
    Path dir;

    private Path workbook(Messages messages) {
        Path file = dir.resolve("problem.xlsx");
        ProblemFiles.writeWorkbook(SmallProblem.document(), file, messages);
        return file;
    }

    @Test
    void everyBadCellIsReportedWithSheetRowColumnAndReasonInChinese() throws Exception {
        Path file = workbook(Messages.chinese());
        TestWorkbook.edit(file, "送餐", 3, "送餐时段", "11:00-1200");
        TestWorkbook.edit(file, "送餐", 4, "份数", "一份");
        TestWorkbook.edit(file, "服务人员", 4, "出行方式", "飞行");
        TestWorkbook.edit(file, "上门服务", 2, "时长分钟", 1.5);
        TestWorkbook.edit(file, "餐批", 2, "出餐时间", "25:61");
        TestWorkbook.edit(file, "上门服务", 3, "紧急", "也许");

        ImportResult imported = ProblemImporter.workbook(file);

        assertThat(imported.errors()).extracting(e -> e.field(Messages.chinese()), e -> e.reason(Messages.chinese())).containsExactly(
                tuple("餐批 第 2 行 出餐时间", "时间格式错误：25:61，应为如 10:45 或 2026-11-24T10:45:00+08:00"),
                tuple("服务人员 第 4 行 出行方式", "取值 飞行 无效，应为：FOOT/步行, BICYCLE/自行车, EBIKE/电动车, CAR/汽车"),
                tuple("送餐 第 3 行 送餐时段", "时段格式错误：11:00-1200，应为如 11:00-12:00;14:00-15:00"),
                tuple("送餐 第 4 行 份数", "不是整数：一份"),
                tuple("上门服务 第 2 行 时长分钟", "不是整数：1.5"),
                tuple("上门服务 第 3 行 紧急", "取值 也许 无效，应为：true/是, false/否"));
        // The good rows are all there; the bad ones are left out, not repaired.
        assertThat(imported.document().deliveries()).extracting(DeliveryDoc::id).containsExactly("O1");
        assertThat(imported.document().visitsOrEmpty()).isEmpty();
        assertThat(imported.document().workers()).extracting(w -> w.id()).containsExactly("W1", "W2");
        assertThat(imported.document().kitchens().get(0).batches()).extracting(b -> b.id()).containsExactly("K1-DINNER");
        assertThat(imported.document().elders()).extracting(ElderDoc::id).containsExactly("E1", "E2", "E3");

        assertThatThrownBy(() -> ProblemFiles.read(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).isEqualTo(imported.errors());
                    assertThat(e.getMessage()).isEqualTo("6 input error(s)");
                });
    }

    @Test
    void errorsAreInEnglishOnRequest() throws Exception {
        Path file = workbook(Messages.english());
        TestWorkbook.edit(file, "deliveries", 3, "windows", "noon");
        TestWorkbook.edit(file, "visits", 2, "type", "SINGING");

        ImportResult imported = ProblemImporter.workbook(file);

        assertThat(imported.errors()).extracting(e -> e.field(Messages.english()), e -> e.reason(Messages.english())).containsExactly(
                tuple("deliveries row 3, column windows", "not a list of time windows: noon; expected e.g. 11:00-12:00;14:00-15:00"),
                tuple("visits row 2, column type", "invalid value SINGING; expected one of: CHECK_IN/巡视探访, CLEANING/助洁, "
                        + "BATHING/助浴, MEDICAL_ESCORT/助医, ERRAND/代买代购, REPAIR/维修, EMERGENCY/助急"));
        assertThat(imported.document().visits()).extracting(VisitDoc::id).containsExactly("V2");
    }

    @Test
    void theValidatorsFindingsAreShownAtTheirCells() throws Exception {
        Path file = workbook(Messages.chinese());
        TestWorkbook.edit(file, "送餐", 3, "老人编号", "E9");
        TestWorkbook.edit(file, "服务人员", 2, "班次", "13:15-10:15");
        TestWorkbook.edit(file, "老人", 4, "经度", null);
        TestWorkbook.edit(file, "上门服务", 2, "编号", "V2");

        assertThatThrownBy(() -> ProblemFiles.read(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field(Messages.chinese()), error -> error.reason(Messages.chinese())).containsExactlyInAnyOrder(
                                tuple("送餐 第 3 行 老人编号", "找不到编号为 E9 的老人"),
                                tuple("服务人员 第 2 行 班次", "结束时间 2026-11-24T10:15+08:00 早于开始时间 2026-11-24T13:15+08:00"),
                                tuple("老人 第 4 行 经度", "必填字段缺失"),
                                tuple("上门服务 第 3 行 编号", "编号 V2 重复")));
    }

    @Test
    void withoutAPlanDateNothingElseCanBeReadAndThatIsSaidOnce() throws Exception {
        Path file = workbook(Messages.chinese());
        TestWorkbook.edit(file, "设置", 2, "日期", null);
        assertThat(ProblemImporter.workbook(file).errors()).singleElement()
                .extracting(e -> e.field(Messages.chinese()), e -> e.reason(Messages.chinese()))
                .containsExactly("设置 第 2 行 日期", "必填字段缺失");

        Path noSettings = TestWorkbook.create(dir.resolve("no-settings.xlsx"), sheet("厨房", row("编号", "纬度", "经度")));
        assertThat(ProblemImporter.workbook(noSettings).errors()).singleElement()
                .extracting(e -> e.field(Messages.english()), e -> e.reason(Messages.english()))
                .containsExactly("settings", "the settings sheet (or settings.csv) with the plan date is missing");
    }

    @Test
    void unknownAndDuplicateSheetsAndMissingColumnsAreNamed() throws Exception {
        Path file = TestWorkbook.create(dir.resolve("odd.xlsx"),
                sheet("设置", row("日期"), row("2026-11-24")),
                sheet("送餐", row("编号", "老人编号", "厨房编号")),
                sheet("orders", row("id")),
                sheet("Sheet1", row("x")),
                sheet("说明", row("anything a person writes here is not read")));

        ImportResult imported = ProblemImporter.workbook(file);

        assertThat(imported.errors()).extracting(e -> e.field(Messages.english())).containsExactly("orders", "Sheet1", "送餐, column 送餐时段");
        assertThat(imported.errors().get(0).reason(Messages.english())).isEqualTo("holds the same kind of data as 送餐: give each kind in one sheet or file");
        assertThat(imported.errors().get(1).reason(Messages.english())).startsWith("unknown sheet or file name; expected one of: 设置/settings, 厨房/kitchens");
        assertThat(imported.errors().get(2).reason(Messages.english())).isEqualTo("column is missing (header 送餐时段 or windows)");
    }

    @Test
    void anOldStyleXlsWorkbookIsReadToo() throws Exception {
        Path file = dir.resolve("problem.xls");
        try (var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = java.nio.file.Files.newOutputStream(file)) {
            var settings = workbook.createSheet("设置");
            settings.createRow(0).createCell(0).setCellValue("日期");
            settings.createRow(1).createCell(0).setCellValue("明天");
            workbook.write(out);
        }
        assertThatThrownBy(() -> ProblemFiles.read(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .extracting(error -> error.field(Messages.chinese()), error -> error.reason(Messages.chinese()))
                        .containsExactly("设置 第 2 行 日期", "日期格式错误：明天，应为如 2026-11-24"));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedByName() throws Exception {
        Path file = dir.resolve("problem.xlsx");
        java.nio.file.Files.writeString(file, "not a workbook");
        assertThatThrownBy(() -> ProblemFiles.read(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .extracting(error -> error.field(Messages.english()), error -> error.reason(Messages.english()))
                        .containsExactly("problem.xlsx", "cannot be read as an Excel workbook (damaged, or not .xlsx/.xls)"));
        assertThatThrownBy(() -> ProblemFiles.read(dir.resolve("problem.txt")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .extracting(error -> error.reason(Messages.english())).isEqualTo("no such file or folder"));
    }
}
