package io.careroute.data.io;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;

/**
 * A problem handed in as one file (an upload to the server): a workbook ({@code .xlsx}, {@code .xls}), a zip of
 * {@code .csv} files or problem.json. Read and validated as {@link ProblemFiles#read} reads a file on disk, so every
 * error names the same sheet, row and column the command line names. The kind is told by the file's bytes first
 * (browsers and scripts do not always send a name), by its name only where the bytes leave it open.
 *
 * @param document the problem
 * @param sources  where each entity came from in a workbook or CSV zip; null for problem.json
 */
public record ProblemUpload(ProblemDocument document, SourceMap sources) {

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /**
     * @param fileName the name the user's file had (may be null)
     * @throws InvalidInputException with every error of the file, by sheet, row and column where it has them
     */
    public static ProblemUpload read(byte[] bytes, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        String lower = name.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            throw refused(name, "import.emptyUpload");
        }
        if (startsWith(bytes, OLE2) || startsWith(bytes, ZIP) && isWorkbook(bytes, lower)) {
            ImportResult imported = ProblemImporter.workbook(new ByteArrayInputStream(bytes), name);
            return new ProblemUpload(ProblemFiles.validated(imported), imported.sources());
        }
        if (startsWith(bytes, ZIP)) {
            ImportResult imported = ProblemImporter.csvZip(bytes, name);
            return new ProblemUpload(ProblemFiles.validated(imported), imported.sources());
        }
        if (looksLikeJson(bytes) || lower.endsWith(".json")) {
            return new ProblemUpload(ProblemJson.read(bytes), null);
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")) {
            throw refused(name, "import.notWorkbook");
        }
        throw refused(name, "import.unsupportedUpload");
    }

    /**
     * The same errors found later (by the road network: a home off the roads is {@code elders[3].location}) at the
     * cell the user typed them in, for a workbook or CSV zip; unchanged for problem.json.
     */
    public InvalidInputException located(InvalidInputException e) {
        if (sources == null) {
            return e;
        }
        return new InvalidInputException(e.errors().stream()
                .map(error -> error.where().isPlain() ? new InputError(sources.field(error.field()), error.why()) : error)
                .toList());
    }

    /** A zip is a workbook when it says so by name or holds Office's content-types part (every .xlsx has it). */
    private static boolean isWorkbook(byte[] zip, String lowerName) {
        if (lowerName.endsWith(".xlsx") || lowerName.endsWith(".xlsm")) {
            return true;
        }
        if (lowerName.endsWith(".zip")) {
            return false;
        }
        String head = new String(zip, 0, Math.min(zip.length, 1 << 16), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("[Content_Types].xml") || head.contains("xl/workbook.xml");
    }

    private static boolean looksLikeJson(byte[] bytes) {
        int i = startsWith(bytes, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '{';
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException refused(String name, String key) {
        return new InvalidInputException(List.of(new InputError(name, Text.of(key))));
    }
}
