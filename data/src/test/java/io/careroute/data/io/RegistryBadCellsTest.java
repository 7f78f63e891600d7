package io.careroute.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad cell of a register workbook is refused by sheet, row and column with the reason, all in one pass, and
 * nothing is returned; then the register's own rules are shown at their cells too.
 */
class RegistryBadCellsTest {

    @TempDir
    Path dir;

    private Path workbook(Messages messages) {
        Path file = dir.resolve("registry.xlsx");
        RegistryFiles.writeWorkbook(SmallRegistry.document(), file, messages);
        return file;
    }

    @Test
    void everyBadCellIsNamedBySheetRowAndColumnWithItsReason() throws Exception {
        Path file = workbook(Messages.chinese());
        TestWorkbook.edit(file, "餐批", 2, "供餐日", "周一到周八");
        TestWorkbook.edit(file, "老人", 2, "优先类别", "失能;病重");
        TestWorkbook.edit(file, "老人", 3, "护理等级", "二级");
        TestWorkbook.edit(file, "班次", 3, "开始时间", "25:00");
        TestWorkbook.edit(file, "请假", 2, "结束", "下周");
        TestWorkbook.edit(file, "订餐", 2, "送餐时段", "中午");
        TestWorkbook.edit(file, "订餐", 2, "停餐日期", "2026-12-02;12月5日");
        TestWorkbook.edit(file, "照护计划", 3, "每周次数", 1.5);
        TestWorkbook.edit(file, "照护计划", 4, "服务类型", "聊天");
        TestWorkbook.edit(file, "服务人员", 4, "每周最多小时", "五");

        assertThatThrownBy(() -> RegistryFiles.read(file)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.field(Messages.chinese()),
                        error -> error.reason(Messages.chinese())).containsExactly(
                        tuple("餐批 第 2 行 供餐日", "星期格式错误：周一到周八，应为如 周一至周五 或 周二;周四（也可写 MON-FRI、每天、工作日、周末）"),
                        tuple("老人 第 2 行 优先类别", "取值 病重 无效，应为：DISABLED/失能, VERY_OLD/高龄, ALONE/独居, HARDSHIP/困难, EMPTY_NEST/空巢, REGULAR/普通"),
                        tuple("老人 第 3 行 护理等级", "不是整数：二级"),
                        tuple("服务人员 第 4 行 每周最多小时", "不是数字：五"),
                        tuple("班次 第 3 行 开始时间", "时间格式错误：25:00，应为如 10:45"),
                        tuple("请假 第 2 行 结束", "时间格式错误：下周，应为如 2026-12-02 08:00 或 2026-12-02（只写日期：开始为当天零点，结束为当天结束）"),
                        tuple("订餐 第 2 行 送餐时段", "时段格式错误：中午，应为如 11:00-12:00"),
                        tuple("订餐 第 2 行 停餐日期", "日期格式错误：2026-12-02;12月5日，应为如 2026-12-02;2026-12-05"),
                        tuple("照护计划 第 3 行 每周次数", "不是整数：1.5"),
                        tuple("照护计划 第 4 行 服务类型", "取值 聊天 无效，应为：CHECK_IN/巡视探访, CLEANING/助洁, BATHING/助浴, "
                                + "MEDICAL_ESCORT/助医, ERRAND/代买代购, REPAIR/维修, EMERGENCY/助急")));
    }

    @Test
    void inEnglishOnRequest() throws Exception {
        Path file = workbook(Messages.english());
        TestWorkbook.edit(file, "weeklyShifts", 2, "days", "someday");
        TestWorkbook.edit(file, "elders", 2, "lat", "north");

        assertThatThrownBy(() -> RegistryFiles.read(file)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.field(Messages.english()),
                        error -> error.reason(Messages.english())).containsExactly(
                        // A home coordinate is personal: never quoted back.
                        tuple("elders row 2, column lat", "not a number: (hidden)"),
                        tuple("weeklyShifts row 2, column days", "not days of the week: someday; expected e.g. MON-FRI or "
                                + "TUE;THU (also 周一至周五, daily, weekdays, weekend)")));
    }

    @Test
    void theRegistersOwnRulesAreShownAtTheirCells() throws Exception {
        Path file = workbook(Messages.chinese());
        TestWorkbook.edit(file, "照护计划", 2, "可服务日", "周二");            // twice a week on one weekday
        TestWorkbook.edit(file, "订餐", 3, "送餐日", "周四;周五");             // the dinner batch is not cooked on Thursdays
        TestWorkbook.edit(file, "班次", 4, "结束时间", "07:00");               // C2's shift ends before it starts
        TestWorkbook.edit(file, "老人", 3, "结对人员", "C9");                  // no such worker
        TestWorkbook.edit(file, "照护计划", 4, "编号", "CP1");                // an id twice
        TestWorkbook.edit(file, "班次", 5, "人员编号", "C1");                  // the volunteer's only shift given to C1

        assertThatThrownBy(() -> RegistryFiles.read(file)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.field(Messages.chinese()))
                        .containsExactlyInAnyOrder(
                                "照护计划 第 4 行 编号",
                                "服务人员 第 4 行 班次",
                                "班次 第 4 行 结束时间",
                                "老人 第 3 行 结对人员",
                                "订餐 第 3 行 送餐日",
                                "照护计划 第 2 行 每周次数"));
    }

    @Test
    void aChildRowNamingNoKnownParentIsRefusedAtItsCell() throws Exception {
        Path file = workbook(Messages.chinese());
        TestWorkbook.edit(file, "请假", 3, "人员编号", "W404");
        TestWorkbook.edit(file, "餐批", 2, "厨房编号", null);

        assertThatThrownBy(() -> RegistryFiles.read(file)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.field(Messages.chinese()), error -> error.reason(Messages.chinese()))
                        .containsExactly(tuple("餐批 第 2 行 厨房编号", "必填字段缺失"),
                                tuple("请假 第 3 行 人员编号", "找不到编号为 W404 的服务人员")));
    }

    @Test
    void notAWorkbookAndAMissingColumnAreSaidOnce() throws Exception {
        Path text = Files.writeString(dir.resolve("registry.xlsx"), "not a workbook");
        try (InputStream in = Files.newInputStream(text)) {
            assertThatThrownBy(() -> RegistryFiles.readWorkbook(in, "registry.xlsx"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                            .extracting(error -> error.field(Messages.english()), error -> error.reason(Messages.english()))
                            .containsExactly("registry.xlsx", "cannot be read as an Excel workbook (damaged, or not .xlsx/.xls)"));
        }
        Path noDays = TestWorkbook.create(dir.resolve("no-days.xlsx"),
                TestWorkbook.sheet("订餐", TestWorkbook.row("编号", "老人编号", "厨房编号", "送餐时段"),
                        TestWorkbook.row("S1", "E1", "K1", "11:00-12:00")),
                TestWorkbook.sheet("送餐", TestWorkbook.row("编号")));
        assertThatThrownBy(() -> RegistryFiles.read(noDays)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.field(Messages.chinese()), error -> error.reason(Messages.chinese()))
                        .containsExactly(tuple("送餐", "无法识别的工作表或文件名，应为：设置/settings, 厨房/kitchens, 餐批/batches, "
                                        + "老人/elders, 服务人员/workers, 班次/weeklyShifts, 请假/absences, 订餐/mealSubscriptions, "
                                        + "照护计划/carePlans"),
                                tuple("订餐 送餐日 列", "缺少此列（表头应为 送餐日 或 days）")));
    }
}
