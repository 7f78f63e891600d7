package io.careroute.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem handed in as one uploaded file: told apart by its bytes, read as the command line reads a file. */
class ProblemUploadTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private byte[] workbook() throws Exception {
        Path file = dir.resolve("day.xlsx");
        ProblemFiles.writeWorkbook(SmallProblem.document(), file, Messages.chinese());
        return Files.readAllBytes(file);
    }

    @Test
    void aWorkbookWithoutANameReadsAsTheSameFileOnDisk() throws Exception {
        byte[] bytes = workbook();
        ProblemDocument fromDisk = ProblemFiles.read(dir.resolve("day.xlsx"));
        ProblemUpload upload = ProblemUpload.read(bytes, null);
        assertThat(upload.document()).isEqualTo(fromDisk);
        assertThat(upload.sources()).isNotNull();
    }

    @Test
    void anXlsWorkbookIsReadToo() throws Exception {
        // The same sheets copied cell by cell into the old binary format (what an older Excel saves).
        Workbook xls = new HSSFWorkbook();
        try (Workbook xlsx = new XSSFWorkbook(new java.io.ByteArrayInputStream(workbook()))) {
            for (var sheet : xlsx) {
                var copy = xls.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    var target = copy.createRow(row.getRowNum());
                    row.forEach(cell -> target.createCell(cell.getColumnIndex())
                            .setCellValue(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell)));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xls.write(out);
        xls.close();
        ProblemDocument read = ProblemUpload.read(out.toByteArray(), "day.xls").document();
        assertThat(read.deliveries()).hasSameSizeAs(SmallProblem.document().deliveries());
        assertThat(read.workers()).hasSameSizeAs(SmallProblem.document().workers());
    }

    @Test
    void aZipOfGbkCsvFilesWithGbkNamesReadsLikeTheFolder() throws Exception {
        Map<String, String> files = Map.of(
                "设置.csv", "日期,时区,坐标系\r\n2026-11-24,Asia/Shanghai,WGS84\r\n",
                "kitchens.csv", "id,lat,lon\r\nK1,31.2304,121.4737\r\n",
                "餐批.csv", "厨房编号,餐批编号,出餐时间,份数\r\nK1,K1-LUNCH,10:45,3\r\n",
                "老人.csv", "老人编号,纬度,经度\r\nE1,31.23456,121.47501\r\n",
                "服务人员.csv", "编号,出行方式,出发纬度,出发经度,班次,餐箱容量\r\nW1,电动车,31.2304,121.4737,10:15-13:15,12\r\n",
                "送餐.csv", "订单编号,老人编号,厨房编号,份数,送餐时段\r\nO1,E1,K1,1,11:00-12:00\r\n");
        Path folder = Files.createDirectories(dir.resolve("day"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        // Windows' "compressed folder" writes names in the system code page (GBK) without the UTF-8 flag.
        try (ZipOutputStream out = new ZipOutputStream(zip, GBK)) {
            for (var file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue().getBytes(GBK));
                out.putNextEntry(new ZipEntry("day/" + file.getKey()));
                out.write(file.getValue().getBytes(GBK));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("__MACOSX/day/._送餐.csv"));
            out.write(new byte[]{0, 5, 22, 7});
            out.closeEntry();
        }
        ProblemUpload upload = ProblemUpload.read(zip.toByteArray(), "day.zip");
        assertThat(upload.document()).isEqualTo(ProblemFiles.read(folder));
    }

    @Test
    void aBadCellInAnUploadedWorkbookIsNamedBySheetRowAndColumn() throws Exception {
        Path file = dir.resolve("bad.xlsx");
        Files.write(file, workbook());
        TestWorkbook.edit(file, "送餐", 2, "送餐时段", "午饭时候");
        assertThatThrownBy(() -> ProblemUpload.read(Files.readAllBytes(file), "bad.xlsx"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    InputError error = e.errors().get(0);
                    assertThat(error.field()).isEqualTo("送餐 第 2 行 送餐时段");
                    assertThat(error.where().key()).isEqualTo("import.field.cell");   // sheet, row, column apart
                    assertThat(error.reason(Messages.english())).startsWith("not a list of time windows");
                });
    }

    @Test
    void problemJsonIsReadWithoutSources() {
        byte[] json = ProblemJson.write(SmallProblem.document());
        ProblemUpload upload = ProblemUpload.read(json, "blob");
        assertThat(upload.sources()).isNull();
        assertThat(upload.document()).isEqualTo(SmallProblem.document());
    }

    @Test
    void emptyUnknownAndBrokenFilesAreRefusedNamingTheFile() {
        assertThat(refusal(new byte[0], "day.xlsx")).isEqualTo("day.xlsx: the file is empty");
        assertThat(refusal("名单".getBytes(StandardCharsets.UTF_8), "day.txt")).startsWith("day.txt: unsupported file");
        assertThat(refusal(new byte[]{'P', 'K', 3, 4, 1, 2, 3}, "day.zip")).isEqualTo("day.zip: cannot be read as a zip file (damaged)");
        assertThat(refusal(new byte[]{'P', 'K', 3, 4, 1, 2, 3}, "day.xlsx"))
                .startsWith("day.xlsx: cannot be read as an Excel workbook");
    }

    private static String refusal(byte[] bytes, String name) {
        try {
            ProblemUpload.read(bytes, name);
            return "accepted";
        } catch (InvalidInputException e) {
            List<InputError> errors = e.errors();
            return errors.get(0).field() + ": " + errors.get(0).reason(Messages.english());
        }
    }
}
