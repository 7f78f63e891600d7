package io.careroute.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.ProblemValidator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Bad input, generated (jqwik): whatever bytes or values arrive, reading and validating a problem either accepts it
 * or refuses it with {@link InvalidInputException} whose every error names a field and a reason — never another
 * exception. Values that are certainly wrong (non-finite or out-of-range coordinates, negative or absurd durations,
 * reversed windows, duplicated ids) are always refused, at the field that holds them.
 */
class BadInputPropertiesTest {

    private static final ObjectMapper JSON = ProblemJson.mapper();
    private static final byte[] VALID = ProblemJson.write(SmallProblem.document());

    /** Reads and validates as the API and the CLI do; returns the errors, empty when the problem was accepted. */
    static List<InputError> readAndValidate(byte[] bytes) {
        Throwable thrown = catchThrowable(() -> {
            ProblemDocument problem = ProblemJson.read(bytes);
            ProblemValidator.validate(problem);
        });
        if (thrown == null) {
            return List.of();
        }
        assertThat(thrown).as("only InvalidInputException, never %s", thrown).isInstanceOf(InvalidInputException.class);
        List<InputError> errors = ((InvalidInputException) thrown).errors();
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.field()).isNotBlank();
            assertThat(e.reason(Messages.english())).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
        });
        return errors;
    }

    @Property(tries = 200)
    void randomBytesAreRefusedCleanly(@ForAll @Size(max = 400) byte[] bytes) {
        assertThat(readAndValidate(bytes)).isNotEmpty();
    }

    @Property(tries = 150)
    void aTruncatedDocumentIsRefusedCleanly(@ForAll @IntRange(min = 0, max = 100_000) int cutAt) {
        int cut = cutAt % VALID.length;   // every proper prefix: never the whole document
        assertThat(readAndValidate(Arrays.copyOf(VALID, cut))).isNotEmpty();
    }

    @Property(tries = 150)
    void aCorruptedByteIsRefusedOrHarmless(@ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte value) {
        byte[] bytes = VALID.clone();
        bytes[position % bytes.length] = value;
        readAndValidate(bytes);   // either accepted (a changed digit in a time) or refused cleanly
    }

    @Property(tries = 150)
    void badCoordinatesAreRefusedAtTheirField(@ForAll("placePaths") String place, @ForAll("badCoordinates") Object lat,
                                              @ForAll boolean onLatitude) throws Exception {
        ObjectNode tree = tree();
        ObjectNode location = (ObjectNode) at(tree, place);
        String axis = onLatitude ? "lat" : "lon";
        if (lat instanceof String text) {
            location.put(axis, text);
        } else {
            location.put(axis, (Double) lat);
        }
        // JSON has no NaN or Infinity: they arrive as strings (or as bare tokens, which do not parse).
        List<InputError> errors = readAndValidate(bytes(tree));
        assertThat(errors).isNotEmpty().anySatisfy(e -> assertThat(e.field()).startsWith(place));
        errors.forEach(e -> assertThat(e.reason(Messages.english())).doesNotContain(String.valueOf(SmallProblem.HOME_LAT)));
    }

    @Property(tries = 100)
    void nonFiniteNumbersAsBareTokensAreRefused(@ForAll("nonFiniteTokens") String token) {
        String text = new String(VALID, StandardCharsets.UTF_8).replace("31.23456", token);
        assertThat(readAndValidate(text.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Property(tries = 150)
    void negativeOrAbsurdDurationsAndCountsAreRefused(@ForAll("numberFields") String field,
                                                      @ForAll("badNumbers") long value) throws Exception {
        ObjectNode tree = tree();
        int dot = field.lastIndexOf('.');
        ((ObjectNode) at(tree, field.substring(0, dot))).put(field.substring(dot + 1), value);
        List<InputError> errors = readAndValidate(bytes(tree));
        assertThat(errors).isNotEmpty().anySatisfy(e -> assertThat(e.field()).isEqualTo(field));
    }

    @Property(tries = 80)
    void aReversedWindowIsRefusedAtItsEnd(@ForAll("windowPaths") String window) throws Exception {
        ObjectNode tree = tree();
        ObjectNode node = (ObjectNode) at(tree, window);
        JsonNode start = node.get("start");
        node.set("start", node.get("end"));
        node.set("end", start);
        assertThat(readAndValidate(bytes(tree))).anySatisfy(e -> assertThat(e.field()).isEqualTo(window + ".end"));
    }

    @Property(tries = 60)
    void aDuplicatedIdIsRefused(@ForAll("lists") String list) throws Exception {
        ObjectNode tree = tree();
        ArrayNode items = (ArrayNode) tree.get(list);
        ((ObjectNode) items.get(1)).put("id", items.get(0).get("id").asText());
        assertThat(readAndValidate(bytes(tree))).anySatisfy(e -> assertThat(e.field()).isEqualTo(list + "[1].id"));
    }

    @Property(tries = 100)
    void aValueOfTheWrongTypeNamesItsField(@ForAll("numberFields") String field,
                                           @ForAll("wrongValues") String json) throws Exception {
        ObjectNode tree = tree();
        int dot = field.lastIndexOf('.');
        ((ObjectNode) at(tree, field.substring(0, dot))).set(field.substring(dot + 1), JSON.readTree(json));
        assertThat(readAndValidate(bytes(tree))).anySatisfy(e -> assertThat(e.field()).isEqualTo(field));
    }

    // --- the CSV/Excel importer ---

    @Property(tries = 40)
    void randomBytesAsAWorkbookOrCsvAreRefusedCleanly(@ForAll @Size(max = 600) byte[] bytes,
                                                      @ForAll("fileNames") String name) throws Exception {
        Path dir = Files.createTempDirectory("bad-import");
        try {
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            Path input = name.endsWith(".csv") ? dir : file;
            Throwable thrown = catchThrowable(() -> ProblemFiles.read(input));
            assertThat(thrown).isInstanceOf(InvalidInputException.class);
            assertThat(((InvalidInputException) thrown).errors()).allSatisfy(e -> assertThat(e.field()).isNotBlank());
        } finally {
            deleteTree(dir);
        }
    }

    @Property(tries = 30)
    void aTruncatedWorkbookIsRefusedCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int cutAt) throws Exception {
        Path dir = Files.createTempDirectory("cut-workbook");
        try {
            Path whole = dir.resolve("whole.xlsx");
            ProblemFiles.writeWorkbook(SmallProblem.document(), whole, Messages.chinese());
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = dir.resolve("cut.xlsx");
            Files.write(cut, Arrays.copyOf(bytes, cutAt % bytes.length));
            Throwable thrown = catchThrowable(() -> ProblemFiles.read(cut));
            assertThat(thrown).isInstanceOf(InvalidInputException.class);
        } finally {
            deleteTree(dir);
        }
    }

    /** The same rows saved as GBK ("CSV" of a Chinese Excel) and as UTF-8 (with or without BOM) read the same. */
    @Property(tries = 25)
    void gbkAndUtf8CsvOfTheSameContentGiveTheSameProblem(@ForAll("chineseNames") String name,
                                                         @ForAll("chineseNames") String street,
                                                         @ForAll boolean byteOrderMark) throws Exception {
        Path dir = Files.createTempDirectory("csv-encodings");
        try {
            String elders = "老人编号,姓名,电话,地址,纬度,经度,老人类别\r\nE1," + name + ",13800000001," + street
                    + "路 1 号,31.23456,121.47501,独居\r\n";
            ProblemDocument gbk = ProblemFiles.read(csvFolder(dir.resolve("gbk"), elders, Charset.forName("GBK"), false));
            ProblemDocument utf8 = ProblemFiles.read(csvFolder(dir.resolve("utf8"), elders, StandardCharsets.UTF_8,
                    byteOrderMark));
            assertThat(utf8).isEqualTo(gbk);
            assertThat(gbk.elders().get(0).name()).isEqualTo(name);
            assertThat(gbk.elders().get(0).address()).isEqualTo(street + "路 1 号");
        } finally {
            deleteTree(dir);
        }
    }

    // --- generators ---

    @Provide
    Arbitrary<String> placePaths() {
        return Arbitraries.of("elders[0].location", "elders[2].location", "kitchens[0].location", "workers[1].start",
                "workers[2].end");
    }

    @Provide
    Arbitrary<Object> badCoordinates() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(180.01, 1e300).map(d -> (Object) d),
                Arbitraries.doubles().between(-1e300, -180.01).map(d -> (Object) d),
                Arbitraries.of("NaN", "Infinity", "-Infinity", "", "north", "31.2°").map(s -> (Object) s));
    }

    @Provide
    Arbitrary<String> nonFiniteTokens() {
        return Arbitraries.of("NaN", "Infinity", "-Infinity", "+Infinity", "1e999999", "--1", "0x1F", "1.2.3", "");
    }

    @Provide
    Arbitrary<String> numberFields() {
        return Arbitraries.of("visits[0].durationMinutes", "visits[1].durationMinutes", "deliveries[0].boxes",
                "deliveries[0].handoverMinutes", "kitchens[0].loadingMinutes", "workers[0].capacityBoxes",
                "visits[0].priority");
    }

    @Provide
    Arbitrary<Long> badNumbers() {
        return Arbitraries.oneOf(Arbitraries.longs().between(Integer.MIN_VALUE, -1),
                Arbitraries.longs().between(100_001, Integer.MAX_VALUE));
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.of("\"ninety\"", "[1]", "{\"a\":1}", "true", "1.5e400", "99999999999999999999");
    }

    @Provide
    Arbitrary<String> windowPaths() {
        return Arbitraries.of("deliveries[0].windows[0]", "deliveries[2].windows[0]", "visits[0].windows[1]",
                "workers[0].shifts[0]", "workers[2].shifts[1]");
    }

    @Provide
    Arbitrary<String> lists() {
        return Arbitraries.of("elders", "workers", "deliveries", "visits");
    }

    @Provide
    Arbitrary<String> fileNames() {
        return Arbitraries.of("problem.xlsx", "problem.xls", "老人.csv", "elders.csv", "送餐.csv");
    }

    @Provide
    Arbitrary<String> chineseNames() {
        // Characters GBK holds (the common CJK block up to 龥), so both files carry the same text.
        return Arbitraries.strings().withCharRange('一', '龥').ofMinLength(2).ofMaxLength(6);
    }

    // --- helpers ---

    private static Path csvFolder(Path folder, String elders, Charset charset, boolean byteOrderMark) throws Exception {
        Files.createDirectories(folder);
        write(folder.resolve("设置.csv"), "日期,时区,坐标系\r\n2026-11-24,Asia/Shanghai,WGS84\r\n", charset, byteOrderMark);
        write(folder.resolve("厨房.csv"), "编号,纬度,经度\r\nK1,31.2304,121.4737\r\n", charset, byteOrderMark);
        write(folder.resolve("餐批.csv"), "厨房编号,餐批编号,出餐时间,份数\r\nK1,K1-LUNCH,10:45,3\r\n", charset, byteOrderMark);
        write(folder.resolve("老人.csv"), elders, charset, byteOrderMark);
        write(folder.resolve("服务人员.csv"), "编号,出行方式,出发纬度,出发经度,班次,餐箱容量\r\nW1,电动车,31.2304,121.4737,10:15-13:15,12\r\n",
                charset, byteOrderMark);
        write(folder.resolve("送餐.csv"), "订单编号,老人编号,厨房编号,份数,送餐时段\r\nO1,E1,K1,1,11:00-12:00\r\n", charset,
                byteOrderMark);
        return folder;
    }

    private static void write(Path file, String text, Charset charset, boolean byteOrderMark) throws Exception {
        byte[] body = text.getBytes(charset);
        if (byteOrderMark) {
            byte[] withMark = new byte[body.length + 3];
            withMark[0] = (byte) 0xEF;
            withMark[1] = (byte) 0xBB;
            withMark[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withMark, 3, body.length);
            body = withMark;
        }
        Files.write(file, body);
    }

    private static ObjectNode tree() throws Exception {
        return (ObjectNode) JSON.readTree(VALID);
    }

    private static byte[] bytes(JsonNode tree) throws Exception {
        return JSON.writeValueAsBytes(tree);
    }

    /** The node at a path such as {@code workers[2].shifts[1]}. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node.get(name);
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
