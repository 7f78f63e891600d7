package io.careroute.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import org.apache.poi.EncryptedDocumentException;

/**
 * Reads a problem from an Excel workbook or from a folder of CSV files (layout: {@link TableKind}, README).
 * Returns every good row and every error; it does not validate meaning (ids, references), see
 * {@link ProblemFiles#read}.
 */
public final class ProblemImporter {

    private ProblemImporter() {
    }

    public static ImportResult workbook(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return workbook(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param name the file name, for errors about the file as a whole */
    public static ImportResult workbook(InputStream in, String name) {
        List<SourceTable> tables;
        try {
            byte[] bytes = in.readAllBytes();
            if (truncatedZip(bytes)) {
                // POI reads a cut .xlsx entry by entry and skips the sheets that are missing: a file cut short in
                // a download would be planned without its visits. A whole zip ends with its central directory.
                return failed(name, Text.of("import.notWorkbook"));
            }
            tables = WorkbookSource.read(new java.io.ByteArrayInputStream(bytes));
        } catch (EncryptedDocumentException e) {
            return failed(name, Text.of("import.encrypted"));
        } catch (IOException | RuntimeException e) {
            // POI says "not a workbook" with a variety of exceptions; none of them carries the user's data.
            return failed(name, Text.of("import.notWorkbook"));
        }
        return ProblemTables.read(tables, List.of());
    }

    /** A zip (.xlsx) without its end-of-central-directory record within the last 64 KiB + 22 bytes. */
    static boolean truncatedZip(byte[] bytes) {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (!zip) {
            return false;
        }
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                return false;
            }
        }
        return true;
    }

    public static ImportResult csvFolder(Path folder) {
        List<SourceTable> tables = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        try {
            List<Path> files = CsvSource.csvFiles(folder);
            if (files.isEmpty()) {
                return failed(folder.toString(), Text.of("import.noCsv"));
            }
            for (Path file : files) {
                try {
                    tables.add(CsvSource.read(file));
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new InputError(file.getFileName().toString(), Text.of("import.badCsv")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProblemTables.read(tables, errors);
    }

    /**
     * A zip of .csv files, as a kitchen uploads its CSV folder: one table per .csv entry wherever it sits in the zip,
     * named by its file name (a folder inside the zip is ignored, and so are macOS's {@code __MACOSX} copies).
     *
     * @param name the zip's file name, for errors about the file as a whole
     */
    public static ImportResult csvZip(byte[] zip, String name) {
        List<CsvZip.Entry> entries;
        try {
            entries = CsvZip.entries(zip);
        } catch (CsvZip.TooLargeException e) {
            return failed(name, Text.of("import.zipTooLarge", e.limitMegabytes()));
        } catch (IOException | RuntimeException e) {
            return failed(name, Text.of("import.notZip"));
        }
        if (entries.isEmpty()) {
            return failed(name, Text.of("import.noCsvInZip"));
        }
        List<SourceTable> tables = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (CsvZip.Entry entry : entries) {
            try {
                tables.add(CsvSource.read(entry.name(), entry.bytes()));
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                errors.add(new InputError(entry.name(), Text.of("import.badCsv")));
            }
        }
        return ProblemTables.read(tables, errors);
    }

    private static ImportResult failed(String name, Text reason) {
        return new ImportResult(null, List.of(new InputError(name, reason)), new SourceMap());
    }
}
