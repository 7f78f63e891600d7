package io.careroute.data.io;

import static io.careroute.data.io.TestWorkbook.row;
import static io.careroute.data.io.TestWorkbook.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.demo.DemoSize;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.district.StreetRegistryGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryValidator;
import io.careroute.data.registry.WeekDay;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A register written as a workbook reads back as the same register, in Chinese or English; the template is Chinese. */
class RegistryWorkbookTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    /** A grid of road points around People's Square, 50 m apart (as the generators' own tests use). */
    static List<double[]> roads() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                points.add(new double[] {31.228 + i * 0.00045, 121.468 + j * 0.00053});
            }
        }
        return points;
    }

    static RegistryDocument demo() {
        return DemoRegistry.from(new DemoStreetGenerator(DemoStreetGenerator.DEFAULT_SEED, MONDAY, roads())
                .generate(DemoSize.STREET));
    }

    static RegistryDocument street() {
        return new StreetRegistryGenerator(StreetRegistryGenerator.DEFAULT_SEED, MONDAY, roads())
                .generate(StreetRegistryGenerator.Size.STREET_WEEK);
    }

    private RegistryDocument roundTrip(RegistryDocument registry, Messages messages) {
        Path file = dir.resolve("registry-" + messages.locale().getLanguage() + ".xlsx");
        RegistryFiles.writeWorkbook(registry, file, messages);
        return RegistryFiles.read(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void everyFieldReadsBackExactly(String language) {
        assertThat(RegistryValidator.check(SmallRegistry.document())).isEmpty();
        assertThat(roundTrip(SmallRegistry.document(), Messages.forLanguage(language)))
                .isEqualTo(SmallRegistry.document());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theDemoRegisterReadsBackAsTheSameRegister(String language) {
        RegistryDocument demo = demo();
        RegistryDocument back = roundTrip(demo, Messages.forLanguage(language));
        assertThat(meaning(back)).isEqualTo(meaning(demo));
        // And a second trip changes nothing at all: the workbook's form is a fixed point.
        assertThat(roundTrip(back, Messages.forLanguage(language))).isEqualTo(back);
    }

    @Test
    void aGeneratedStreetRegisterReadsBackAsTheSameRegister() {
        RegistryDocument street = street();
        assertThat(street.eldersOrEmpty()).hasSize(400);
        RegistryDocument back = roundTrip(street, Messages.chinese());
        assertThat(meaning(back)).isEqualTo(meaning(street));
        assertThat(roundTrip(back, Messages.chinese())).isEqualTo(back);
    }

    @Test
    void theTemplateIsChineseSheetsHeadersAndValues() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegistryFiles.writeWorkbook(SmallRegistry.document(), out, Messages.chinese());
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("设置", "厨房", "餐批", "老人", "服务人员", "班次", "请假", "订餐", "照护计划", "说明");
            assertThat(headers(workbook.getSheet("老人"))).containsExactly("编号", "姓名", "电话", "地址", "纬度", "经度",
                    "优先类别", "护理等级", "要求服务人员性别", "偏好人员", "结对人员", "拒绝人员");
            assertThat(headers(workbook.getSheet("服务人员"))).contains("每周最多小时", "每周合同小时", "技能");
            assertThat(headers(workbook.getSheet("订餐"))).containsExactly("编号", "老人编号", "厨房编号", "餐批编号", "份数",
                    "送餐日", "送餐时段", "交接分钟", "开始日期", "结束日期", "停餐日期");
            assertThat(headers(workbook.getSheet("照护计划"))).containsExactly("编号", "老人编号", "服务类型", "所需技能",
                    "时长分钟", "每周次数", "最少间隔天数", "可服务日", "服务时段", "人数", "优先级", "开始日期", "结束日期");
            assertThat(text(workbook, "设置", 1, 1)).isEqualTo("GCJ02");
            assertThat(text(workbook, "老人", 1, 6)).isEqualTo("失能;独居");
            assertThat(text(workbook, "餐批", 1, 4)).isEqualTo("周一至周五");
            assertThat(text(workbook, "餐批", 2, 4)).isEqualTo("周五至周一");
            assertThat(text(workbook, "班次", 2, 1)).isEqualTo("周二;周四");
            assertThat(text(workbook, "请假", 1, 1)).isEqualTo("2026-12-02 00:00");
            assertThat(text(workbook, "订餐", 1, 6)).isEqualTo("11:00-12:00");
            assertThat(text(workbook, "订餐", 1, 10)).isEqualTo("2026-12-02;2026-12-05");
            assertThat(text(workbook, "照护计划", 2, 2)).isEqualTo("助浴");
            assertThat(text(workbook, "服务人员", 1, 9)).isEqualTo("BATHING:2027-06-30;CLEANING");
            assertThat(workbook.getSheet("说明").getRow(0).getCell(0).getStringCellValue()).startsWith("careroute 服务台账模板");
        }
    }

    /** What a centre types by hand: English sheets and headers, odd spacing, Excel numbers, other day spellings. */
    @Test
    void englishHeadersAndHandTypedValuesAreAccepted() throws Exception {
        Path file = TestWorkbook.create(dir.resolve("typed.xlsx"),
                sheet("Kitchens", row("ID", "Lat", "Lon"), row("K1", 31.2304, 121.4737)),
                sheet("batches", row("Kitchen ID", "id", "Ready Time", "days"), row("K1", "L", "10:40", "weekdays")),
                sheet("Elders", row("id", "lat", "lon", "Priority Class", "care_grade", "Paired Worker"),
                        row("E1", 31.2335, 121.4713, "DISABLED，独居", 3, "C1")),
                sheet("workers", row("id", "mode", "startLat", "startLon", "maxHoursPerWeek"),
                        row("C1", "电动车", 31.2320, 121.4720, 10)),
                sheet("Weekly Shifts", row("workerId", "days", "start", "end"), row("C1", "星期一、星期三", "8:00", "12:00")),
                sheet("leave", row("workerId", "start", "end"), row("C1", "2026/12/2", "2026-12-02")),
                sheet("meal_subscriptions", row("id", "elderId", "kitchenId", "days", "window"),
                        row("S1", "E1", "K1", "MON-WED", "11:00～12:00")),
                sheet("Care Plans", row("id", "elderId", "type", "durationMinutes", "timesPerWeek", "window"),
                        row("CP1", "E1", "check_in", 30, 2, "9:00 至 11:00")),
                sheet("notes", row("anything")));

        RegistryDocument read = RegistryFiles.read(file);

        assertThat(read.timeZone()).isNull();
        assertThat(read.kitchensOrEmpty().get(0).batchesOrEmpty().get(0).days()).isEqualTo(SmallRegistry.WEEKDAYS);
        assertThat(read.eldersOrEmpty().get(0).priorityClasses()).containsExactly(PriorityClass.DISABLED, PriorityClass.ALONE);
        assertThat(read.eldersOrEmpty().get(0).careGrade()).isEqualTo(3);
        assertThat(read.eldersOrEmpty().get(0).pairedWorker()).isEqualTo("C1");
        assertThat(read.workersOrEmpty().get(0).weeklyShiftsOrEmpty().get(0).days()).containsExactly(WeekDay.MON, WeekDay.WED);
        assertThat(read.workersOrEmpty().get(0).weeklyShiftsOrEmpty().get(0).start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(read.workersOrEmpty().get(0).maxHoursPerWeek()).isEqualTo(10.0);
        // A date alone: leave from the start of the first day to the end of the last.
        assertThat(read.workersOrEmpty().get(0).absencesOrEmpty().get(0).start()).hasToString("2026-12-02T00:00+08:00");
        assertThat(read.workersOrEmpty().get(0).absencesOrEmpty().get(0).end()).hasToString("2026-12-03T00:00+08:00");
        assertThat(read.mealSubscriptionsOrEmpty().get(0).days()).containsExactly(WeekDay.MON, WeekDay.TUE, WeekDay.WED);
        assertThat(read.carePlansOrEmpty().get(0).window().start()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aCsvFolderWithTheSheetsAsFilesReadsToo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(folder.resolve("厨房.csv"), "\uFEFF编号,纬度,经度\nK1,31.2304,121.4737\n");
        Files.writeString(folder.resolve("餐批.csv"), "厨房编号,餐批编号,出餐时间,供餐日\nK1,K1-LUNCH,10:40,周一至周五\n");
        Files.writeString(folder.resolve("老人.csv"), "编号,纬度,经度,优先类别\nE1,31.2335,121.4713,高龄;空巢\n");
        Files.writeString(folder.resolve("订餐.csv"), "编号,老人编号,厨房编号,送餐日,送餐时段\nS1,E1,K1,周二,11:00-12:00\n");

        RegistryDocument read = RegistryFiles.read(folder);

        assertThat(read.mealSubscriptionsOrEmpty().get(0).days()).containsExactly(WeekDay.TUE);
        assertThat(read.eldersOrEmpty().get(0).priorityClasses()).containsExactly(PriorityClass.VERY_OLD, PriorityClass.EMPTY_NEST);
        assertThat(read.workers()).isNull();
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    private static String text(Workbook workbook, String sheet, int row, int column) {
        return workbook.getSheet(sheet).getRow(row).getCell(column).getStringCellValue();
    }

    /**
     * The register as it means: a list left empty is a list not given (a blank cell either way), and an elder's one
     * {@code priorityClass} is one of their {@code priorityClasses} (the workbook has one column for all of them).
     */
    static JsonNode meaning(RegistryDocument registry) {
        JsonNode tree = ProblemJson.mapper().valueToTree(registry);
        for (JsonNode elder : tree.path("elders")) {
            ObjectNode e = (ObjectNode) elder;
            JsonNode single = e.remove("priorityClass");
            if (single != null && !single.isNull()) {
                ArrayNode classes = e.get("priorityClasses") instanceof ArrayNode a ? a : e.putArray("priorityClasses");
                boolean present = false;
                for (JsonNode c : classes) {
                    present |= c.equals(single);
                }
                if (!present) {
                    classes.add(single);
                }
            }
        }
        return withoutEmpty(tree);
    }

    private static JsonNode withoutEmpty(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> drop = new ArrayList<>();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode value = withoutEmpty(object.get(name));
                if (value.isNull() || value.isArray() && value.isEmpty()) {
                    drop.add(name);
                }
            }
            object.remove(drop);
        } else if (node instanceof ArrayNode array) {
            array.forEach(RegistryWorkbookTest::withoutEmpty);
        }
        return node;
    }
}
