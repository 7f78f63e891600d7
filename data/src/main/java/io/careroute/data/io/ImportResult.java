package io.careroute.data.io;

import java.util.List;

import io.careroute.data.problem.InputError;
import io.careroute.data.problem.ProblemDocument;

/**
 * What a workbook or a CSV folder holds: the document made of every good row, every error found (all of them,
 * each naming sheet, row and column), and where each entity came from. A caller refuses the file when there is
 * any error; the good rows are there so that nothing that was right is lost. The document is null only when
 * the file could not be read at all (not a workbook, no .csv file).
 */
public record ImportResult(ProblemDocument document, List<InputError> errors, SourceMap sources) {

    public ImportResult {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
