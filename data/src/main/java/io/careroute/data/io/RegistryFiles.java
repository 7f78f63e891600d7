package io.careroute.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.careroute.data.i18n.Messages;
import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryValidator;

/**
 * The one way into careroute for a register file: registry.json, an Excel workbook in the register layout
 * ({@link RegistryTableKind}) or a folder of its .csv files, all giving the same {@link RegistryDocument}.
 */
public final class RegistryFiles {

    private RegistryFiles() {
    }

    /**
     * Reads a register file. A workbook or a CSV folder is refused whole on any bad cell, then checked by
     * {@link RegistryValidator} with its findings named by sheet, row and column; registry.json is read as it is
     * (the planner validates it by JSON path).
     *
     * @throws InvalidInputException with every error of the file
     */
    public static RegistryDocument read(Path path) {
        return open(path).document();
    }

    /**
     * As {@link #read}, keeping where each entry came from, so that what the planner finds later (a home off the
     * roads) is named by cell too. For registry.json the import locates nothing (its paths are the fields).
     */
    public static RegistryImport open(Path path) {
        if (!Files.exists(path)) {
            throw refused(path, Text.of("import.noSuchFile"));
        }
        if (Files.isDirectory(path)) {
            return validated(RegistryTables.read(SourceTables.csvFolder(path)));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(path)) {
            if (name.endsWith(".json")) {
                return new RegistryImport(ProblemJson.read(in, RegistryDocument.class), List.of(),
                        new RegistrySourceMap());
            }
            if (isWorkbookName(name)) {
                return readWorkbook(in, path.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw refused(path, Text.of("import.unsupportedFile"));
    }

    /**
     * Reads and checks a register workbook (an upload): every bad cell, then every finding of
     * {@link RegistryValidator}, named by sheet, row and column.
     *
     * @param name the file name, for errors about the file as a whole
     * @throws InvalidInputException with every error; nothing of a refused file is returned
     */
    public static RegistryImport readWorkbook(InputStream in, String name) {
        return validated(RegistryTables.read(SourceTables.workbook(in, name,
                sheet -> TableLayout.named(RegistryTableKind.values(), sheet).isPresent())));
    }

    public static boolean isWorkbookName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
    }

    /** Writes a register as a workbook in the register layout: the template a centre fills in. */
    public static void writeWorkbook(RegistryDocument registry, OutputStream out, Messages messages) {
        try {
            RegistryWorkbookWriter.write(registry, out, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeWorkbook(RegistryDocument registry, Path file, Messages messages) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeWorkbook(registry, out, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegistryImport validated(RegistryImport imported) {
        if (imported.hasErrors()) {
            throw new InvalidInputException(imported.errors());
        }
        List<InputError> invalid = RegistryValidator.check(imported.document());
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(imported.located(invalid));
        }
        return imported;
    }

    private static InvalidInputException refused(Path path, Text reason) {
        return new InvalidInputException(List.of(new InputError(path.toString(), reason)));
    }
}
