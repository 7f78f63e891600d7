package io.careroute.data.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the .csv files of a folder as text tables, one per file, named by the file. Row numbers are record
 * numbers, blank lines included, so they match the rows Excel shows when it opens the file.
 */
final class CsvSource {

    private CsvSource() {
    }

    static List<Path> csvFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        }
    }

    /** @throws UncheckedIOException for a broken file, such as an unclosed quote */
    static SourceTable read(Path file) throws IOException {
        return read(file.getFileName().toString(), Files.readAllBytes(file));
    }

    /**
     * One .csv file's bytes (a file of a folder or an entry of an uploaded zip), named as the user named it.
     *
     * @throws UncheckedIOException for a broken file, such as an unclosed quote
     */
    static SourceTable read(String name, byte[] bytes) throws IOException {
        String text = TextEncoding.decode(bytes).text();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .get();
        List<SourceTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                SourceTable.Row row = new SourceTable.Row((int) record.getRecordNumber(), record.toList(), Set.of());
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
        }
        return new SourceTable(name, rows);
    }

    /** Comma as Chinese and English Excel write it; tab for "Unicode text"; semicolon where Excel uses it. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
