package io.careroute.data.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import org.apache.poi.EncryptedDocumentException;

/**
 * The text tables of a workbook or of a folder of CSV files, whatever layout they follow, and what made a file
 * unreadable. A file that is not a workbook at all gives one error and no table.
 *
 * @param unreadable nothing could be read: the file (or folder) as a whole is the one error
 */
record SourceTables(List<SourceTable> tables, List<InputError> errors, boolean unreadable) {

    SourceTables {
        tables = List.copyOf(tables);
        errors = List.copyOf(errors);
    }

    /**
     * @param name  the file name, for errors about the file as a whole
     * @param known whether a sheet name is one of the layout's (a hidden sheet is read only then)
     */
    static SourceTables workbook(InputStream in, String name, Predicate<String> known) {
        try {
            byte[] bytes = in.readAllBytes();
            if (truncatedZip(bytes)) {
                // POI reads a cut .xlsx entry by entry and skips the sheets that are missing: a file cut short in
                // a download would be planned without its visits. A whole zip ends with its central directory.
                return failed(name, Text.of("import.notWorkbook"));
            }
            return new SourceTables(WorkbookSource.read(new ByteArrayInputStream(bytes), known), List.of(), false);
        } catch (EncryptedDocumentException e) {
            return failed(name, Text.of("import.encrypted"));
        } catch (IOException | RuntimeException e) {
            // POI says "not a workbook" with a variety of exceptions; none of them carries the user's data.
            return failed(name, Text.of("import.notWorkbook"));
        }
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

    /** One table per .csv file of the folder, named by the file; a broken file is an error naming it. */
    static SourceTables csvFolder(Path folder) {
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
        return new SourceTables(tables, errors, false);
    }

    /** One table per .csv entry of an uploaded zip ({@link CsvZip}); a broken entry is an error naming it. */
    static SourceTables csvZip(byte[] zip, String name) {
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
        return new SourceTables(tables, errors, false);
    }

    private static SourceTables failed(String name, Text reason) {
        return new SourceTables(List.of(), List.of(new InputError(name, reason)), true);
    }
}
