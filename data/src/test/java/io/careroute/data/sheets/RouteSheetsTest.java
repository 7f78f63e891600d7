package io.careroute.data.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.data.io.ProblemFilesForTests;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemDocument;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route sheets for carriers: every carrier, every stop in order, names, addresses and phones, right totals. */
class RouteSheetsTest {

    private static final ProblemDocument PROBLEM = ProblemFilesForTests.smallProblem();

    @TempDir
    Path dir;

    @Test
    void theHtmlHasAPagePerCarrierWithEveryStopInOrderAndThePhones() throws Exception {
        List<Path> written = RouteSheetFiles.write(SmallPlan.plan(), PROBLEM, dir, Messages.chinese());
        String html = Files.readString(written.get(0));

        assertThat(written.get(0).getFileName()).hasToString("route-sheets.html");
        assertThat(html).contains("@page { size: A4", "page-break-after: always", "<html lang=\"zh-CN\">");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "<img", "@import");
        assertThat(html).contains("W1 路线单 2026-11-24", "C1 路线单 2026-11-24").doesNotContain("W2 路线单");
        assertThat(html).containsSubsequence("id=\"carrier-W1\"", "K1 (K1-LUNCH)", "第 1 趟：装 1 份，10:45 出发",
                "O1", "王秀英", "黄浦区福州路 101 弄 3 号", "13800000001", "时段 11:00–12:00",
                "第 2 趟：装 2 份，11:16 出发", "O2", "李建国", "021-63210000", "无人应答请立即报告调度", "返回",
                "id=\"carrier-C1\"", "V1", "王秀英", "助浴，约 90 分钟", "需 BATHING", "无人应答请立即报告调度",
                "id=\"unassigned\"", "O3", "张美华", "13900000003", "V2");
        assertThat(html).contains("任务 2 个，餐 3 份，2 趟，路程 7.1 公里，行驶 33 分钟，首次出发 10:45，返回 11:31");
        assertThat(html).contains("<a href=\"tel:02163210000\">021-63210000</a>");
        assertThat(html.split("<section class=\"sheet\"", -1)).hasSize(4);   // W1, C1, unassigned
    }

    /**
     * trust-docs (issue 19.2, minimum necessary): a sheet says what a stop needs — the visit, its skills, the partner
     * of a two-worker visit, to report at once when an elder living alone (or a disabled or very old elder at a visit)
     * does not answer — and never the elder's class, in either language, in the page or the workbook.
     */
    @Test
    void aSheetSaysWhatTheStopNeedsNeverTheEldersClass() throws Exception {
        PlanDocument small = SmallPlan.plan();
        PlanDocument plan = new PlanDocument(small.score(), small.feasible(), small.timeZone(), small.coordinateSystem(),
                small.totals(), small.workers(), small.tasks().stream().map(t -> !t.id().equals("V1") ? t
                        : new PlanDocument.TaskOutcome(t.id(), t.kind(), t.elderId(), t.windows(), t.durationSeconds(),
                        t.boxes(), t.kitchenId(), t.maxMinutesFromKitchen(), t.assignedTo(), t.unassignedReason(),
                        t.blockedBy(), "V1", 1, "W2")).toList(), small.constraints());
        for (Messages messages : List.of(Messages.chinese(), Messages.english())) {
            List<Path> written = RouteSheetFiles.write(plan, PROBLEM, dir, messages);
            String html = Files.readString(written.get(0));
            String workbook = cells(written.get(1));
            for (String text : List.of(html, workbook)) {
                assertThat(text).contains(messages.get("sheets.note.partner", "W2"), messages.get("sheets.note.noAnswer"));
                for (PriorityClass c : PriorityClass.values()) {
                    assertThat(text).doesNotContain(messages.get("class." + c.name()), c.name());
                }
                assertThat(text).doesNotContain("失能", "独居", "高龄", "困难", "空巢", "disabled", "lives alone",
                        "very old");
            }
        }
        // The one the class asks a report of: the delivery to the elder living alone, and the visit to the disabled
        // elder; not the delivery to that same disabled elder (an uneaten meal is the meal alert's, not this one's).
        RouteSheets sheets = RouteSheetBuilder.build(plan, PROBLEM);
        assertThat(sheets.carriers().stream().flatMap(c -> c.stops().stream()).filter(RouteSheets.Line::reportNoAnswer)
                .map(RouteSheets.Line::taskId)).containsExactlyInAnyOrder("O2", "V1");
    }

    private static String cells(Path file) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(cell -> text.append(cell).append('\t'));
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    @Test
    void theHtmlEscapesWhatPeopleType() {
        assertThat(RouteSheetHtml.escape("<b>李 & 王's \"家\"</b>")).isEqualTo("&lt;b&gt;李 &amp; 王&#39;s &quot;家&quot;&lt;/b&gt;");
    }

    @Test
    void theWorkbookHasASummaryAndASheetPerCarrierWithTheRightNumbers() throws Exception {
        Path file = RouteSheetFiles.write(SmallPlan.plan(), PROBLEM, dir, Messages.chinese()).get(1);

        try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("汇总", "W1", "C1");

            Sheet summary = workbook.getSheet("汇总");
            assertThat(texts(summary.getRow(2))).containsExactly("人员", "出行方式", "任务数", "餐份数", "趟数", "路程（公里）",
                    "行驶（分钟）", "首次出发", "返回");
            assertThat(values(summary.getRow(3))).containsExactly("W1", "电动车", 2.0, 3.0, 2.0, 7.05, 33.0, "10:45", "11:31");
            assertThat(values(summary.getRow(4))).containsExactly("C1", "步行", 1.0, 0.0, 0.0, 2.2, 30.0, "08:45", "10:45");
            assertThat(values(summary.getRow(5))).containsExactly("W2", "步行", 0.0, 0.0, 0.0, 0.0, 0.0, "", "");
            assertThat(values(summary.getRow(6))).containsExactly("合计", null, 3.0, 3.0, 2.0, 9.25, 63.0);
            assertThat(summary.getRow(8).getCell(0).getStringCellValue()).isEqualTo("未安排的任务（2 个）");
            assertThat(values(summary.getRow(10))).startsWith("O3", "张美华", "黄浦区九江路 77 号", "13900000003");

            Sheet w1 = workbook.getSheet("W1");
            assertThat(w1.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("任务 2 个，餐 3 份，2 趟，路程 7.1 公里，行驶 33 分钟，首次出发 10:45，返回 11:31");
            assertThat(texts(w1.getRow(4))).containsExactly("序号", "计划到达", "类型", "任务", "老人", "地址", "电话", "份数",
                    "交接说明", "签收");
            assertThat(values(w1.getRow(5))).startsWith(null, "10:15", "取餐", "K1 (K1-LUNCH)", null, null, null, 1.0);
            assertThat(values(w1.getRow(6))).startsWith(1.0, "10:55", "送餐", "O1", "王秀英", "黄浦区福州路 101 弄 3 号",
                    "13800000001", 1.0, "11:00 开始；时段 11:00–12:00；交接约 2 分钟");
            assertThat(values(w1.getRow(7))).startsWith(null, "11:11", "取餐", "K1 (K1-LUNCH)", null, null, null, 2.0);
            assertThat(values(w1.getRow(8))).startsWith(2.0, "11:23", "送餐", "O2", "李建国", "黄浦区汉口路 8 号", "021-63210000", 2.0);
            assertThat(values(w1.getRow(9))).startsWith(null, "11:31", "返回");
            assertThat(w1.getLastRowNum()).isEqualTo(9);
            assertThat(w1.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        }
    }

    @Test
    void sheetsAreInEnglishOnRequest() throws Exception {
        List<Path> written = RouteSheetFiles.write(SmallPlan.plan(), PROBLEM, dir, Messages.english());
        assertThat(Files.readString(written.get(0))).contains("Route sheet W1, 2026-11-24", "Hand-over notes",
                "trip 1: load 1 boxes, leave 10:45", "BATHING, ~90 min", "no answer: tell the dispatcher at once");
        try (Workbook workbook = WorkbookFactory.create(written.get(1).toFile())) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Summary");
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    /** Cell values from the first cell to the last one present; missing cells are null. */
    private static List<Object> values(Row row) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            var cell = row.getCell(c);
            values.add(cell == null ? null : switch (cell.getCellType()) {
                case NUMERIC -> cell.getNumericCellValue();
                case STRING -> cell.getStringCellValue();
                default -> null;
            });
        }
        return values;
    }
}
