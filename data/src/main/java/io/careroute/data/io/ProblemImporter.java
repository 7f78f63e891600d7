package io.careroute.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return read(SourceTables.workbook(in, name, sheet -> TableKind.named(sheet).isPresent()));
    }

    public static ImportResult csvFolder(Path folder) {
        return read(SourceTables.csvFolder(folder));
    }

    /**
     * A zip of .csv files, as a kitchen uploads its CSV folder: one table per .csv entry wherever it sits in the zip,
     * named by its file name (a folder inside the zip is ignored, and so are macOS's {@code __MACOSX} copies).
     *
     * @param name the zip's file name, for errors about the file as a whole
     */
    public static ImportResult csvZip(byte[] zip, String name) {
        return read(SourceTables.csvZip(zip, name));
    }

    private static ImportResult read(SourceTables source) {
        if (source.unreadable()) {
            return new ImportResult(null, source.errors(), new SourceMap());
        }
        return ProblemTables.read(source.tables(), source.errors());
    }
}
