package io.careroute.data.io;

import static io.careroute.data.io.SmallProblem.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.ProblemDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of .csv files as Chinese Excel saves them: GBK ("CSV") or UTF-8 with a byte-order mark ("CSV UTF-8"). */
class CsvFolderImportTest {

    private static final Charset GBK = Charset.forName("GBK");

    /** File name → content. Chinese names and headers on some files, English on others, as people mix them. */
    private static final Map<String, String> FILES = Map.of(
            "设置.csv", "日期,时区,坐标系\r\n2026-11-24,Asia/Shanghai,WGS84\r\n",
            "kitchens.csv", "id,lat,lon\r\nK1,31.2304,121.4737\r\n",
            "餐批.csv", "厨房编号,餐批编号,出餐时间,份数\r\nK1,K1-LUNCH,10:45,3\r\n",
            "老人.csv", "老人编号,姓名,电话,地址,纬度,经度,老人类别\r\n"
                    + "E1,王秀英,13800000001,\"黄浦区福州路 101 弄 3 号, 2 楼\",31.23456,121.47501,独居\r\n"
                    + "\r\n"
                    + "E2,李建国,021-63210000,黄浦区汉口路 8 号,31.2311,121.4702,高龄\r\n",
            "服务人员.csv", "编号,出行方式,出发纬度,出发经度,班次,餐箱容量\r\nW1,电动车,31.2304,121.4737,10:15-13:15,12\r\n",
            "送餐.csv", "订单编号,老人编号,厨房编号,份数,送餐时段\r\nO1,E1,K1,1,11:00-12:00\r\nO2,E2,K1,2,11:30-12:30\r\n");

    @TempDir
    Path dir;

    private Path folder(String name, Charset charset, boolean byteOrderMark) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (var file : FILES.entrySet()) {
            byte[] text = file.getValue().getBytes(charset);
            byte[] bytes = text;
            if (byteOrderMark) {
                bytes = new byte[text.length + 3];
                bytes[0] = (byte) 0xEF;
                bytes[1] = (byte) 0xBB;
                bytes[2] = (byte) 0xBF;
                System.arraycopy(text, 0, bytes, 3, text.length);
            }
            Files.write(folder.resolve(file.getKey()), bytes);
        }
        return folder;
    }

    @Test
    void aGbkFolderReadsLikeAUtf8OneWithByteOrderMark() throws Exception {
        ProblemDocument fromGbk = ProblemFiles.read(folder("gbk", GBK, false));
        ProblemDocument fromUtf8 = ProblemFiles.read(folder("utf8-bom", StandardCharsets.UTF_8, true));
        ProblemDocument fromPlainUtf8 = ProblemFiles.read(folder("utf8", StandardCharsets.UTF_8, false));

        assertThat(fromGbk).isEqualTo(fromUtf8).isEqualTo(fromPlainUtf8);
        ElderDoc first = fromGbk.elders().get(0);
        assertThat(first.name()).isEqualTo("王秀英");
        assertThat(first.address()).isEqualTo("黄浦区福州路 101 弄 3 号, 2 楼");
        assertThat(fromGbk.elders()).extracting(ElderDoc::id).containsExactly("E1", "E2");
        assertThat(fromGbk.deliveries()).containsExactly(
                new DeliveryDoc("O1", "E1", "K1", null, 1, List.of(window("11:00:00", "12:00:00")), null),
                new DeliveryDoc("O2", "E2", "K1", null, 2, List.of(window("11:30:00", "12:30:00")), null));
        assertThat(fromGbk.kitchens().get(0).batches().get(0).readyAt()).isEqualTo(SmallProblem.at("10:45:00"));
    }

    @Test
    void rowNumbersOfCsvErrorsAreTheRowsExcelShowsBlankLinesIncluded() throws Exception {
        Path folder = folder("gbk", GBK, false);
        Files.write(folder.resolve("老人.csv"), FILES.get("老人.csv").replace("高龄", "很老").getBytes(GBK));

        ImportResult imported = ProblemImporter.csvFolder(folder);

        assertThat(imported.errors()).extracting(InputError::field).containsExactly("老人.csv 第 4 行 老人类别");
        assertThat(imported.document().elders()).extracting(ElderDoc::id).containsExactly("E1");
    }

    @Test
    void encodingIsDetectedFromTheBytes() {
        String text = "老人编号,姓名\r\nE1,王秀英\r\n";
        assertThat(TextEncoding.decode(text.getBytes(GBK)).text()).isEqualTo(text);
        assertThat(TextEncoding.decode(text.getBytes(GBK)).charset()).isEqualTo(TextEncoding.GB18030);
        assertThat(TextEncoding.decode(text.getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextEncoding.decode(utf16).text()).isEqualTo(text);
        assertThat(CsvSource.delimiter("老人编号\t姓名\r\nE1\t王秀英")).isEqualTo('\t');
        assertThat(CsvSource.delimiter("老人编号,姓名")).isEqualTo(',');
    }
}
