package io.careroute.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.ProblemJson;

/** Reads careroute's JSON documents from files; a missing file or bad JSON is bad input naming the file. */
final class JsonFiles {

    private JsonFiles() {
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(List.of(new InputError(file.toString(), Text.of("error.noSuchFile"))));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ProblemJson.read(in, type);
        }
    }

    /** The problem.json that plan and replan write beside their plan.json. */
    static Path problemBeside(Path planFile) {
        return planFile.toAbsolutePath().getParent().resolve("problem.json");
    }
}
