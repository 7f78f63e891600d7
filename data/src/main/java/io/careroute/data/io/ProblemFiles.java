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
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemJson;
import io.careroute.data.problem.ProblemValidator;

/**
 * The one way into careroute for a problem file: {@code problem.json}, an Excel workbook ({@code .xlsx},
 * {@code .xls}) or a folder of {@code .csv} files, all giving the same {@link ProblemDocument}.
 */
public final class ProblemFiles {

    private ProblemFiles() {
    }

    /**
     * Reads a problem. A workbook or CSV folder is also validated here, so that every error names the sheet, row
     * and column the user can find (a JSON file is validated by the planner, by JSON path, as before).
     *
     * @throws InvalidInputException with every error of the file; its message carries only their count
     */
    public static ProblemDocument read(Path path) {
        if (!Files.exists(path)) {
            throw refused(path, Text.of("import.noSuchFile"));
        }
        if (Files.isDirectory(path)) {
            return validated(ProblemImporter.csvFolder(path));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            try (InputStream in = Files.newInputStream(path)) {
                return ProblemJson.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) {
            return validated(ProblemImporter.workbook(path));
        }
        throw refused(path, Text.of("import.unsupportedFile"));
    }

    /** Writes a problem as a workbook in the import layout: the template a kitchen fills in. */
    public static void writeWorkbook(ProblemDocument problem, Path file, Messages messages) {
        try (OutputStream out = Files.newOutputStream(file)) {
            ProblemWorkbookWriter.write(problem, out, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemDocument validated(ImportResult imported) {
        if (imported.hasErrors()) {
            throw new InvalidInputException(imported.errors());
        }
        List<InputError> invalid = ProblemValidator.check(imported.document());
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid.stream()
                    .map(e -> new InputError(imported.sources().field(e.field()), e.why())).toList());
        }
        return imported.document();
    }

    private static InvalidInputException refused(Path path, Text reason) {
        return new InvalidInputException(List.of(new InputError(path.toString(), reason)));
    }
}
