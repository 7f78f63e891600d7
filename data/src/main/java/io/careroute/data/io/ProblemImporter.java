package io.careroute.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Messages;
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

    public static ImportResult workbook(Path file, Messages messages) {
        try (InputStream in = Files.newInputStream(file)) {
            return workbook(in, file.getFileName().toString(), messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param name the file name, for errors about the file as a whole */
    public static ImportResult workbook(InputStream in, String name, Messages messages) {
        List<SourceTable> tables;
        try {
            tables = WorkbookSource.read(in);
        } catch (EncryptedDocumentException e) {
            return failed(name, messages.get("import.encrypted"), messages);
        } catch (IOException | RuntimeException e) {
            // POI says "not a workbook" with a variety of exceptions; none of them carries the user's data.
            return failed(name, messages.get("import.notWorkbook"), messages);
        }
        return ProblemTables.read(tables, List.of(), messages);
    }

    public static ImportResult csvFolder(Path folder, Messages messages) {
        List<SourceTable> tables = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        try {
            List<Path> files = CsvSource.csvFiles(folder);
            if (files.isEmpty()) {
                return failed(folder.toString(), messages.get("import.noCsv"), messages);
            }
            for (Path file : files) {
                try {
                    tables.add(CsvSource.read(file));
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new InputError(file.getFileName().toString(), messages.get("import.badCsv")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProblemTables.read(tables, errors, messages);
    }

    private static ImportResult failed(String name, String reason, Messages messages) {
        return new ImportResult(null, List.of(new InputError(name, reason)), new SourceMap(messages));
    }
}
