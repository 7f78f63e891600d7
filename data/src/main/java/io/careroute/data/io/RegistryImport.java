package io.careroute.data.io;

import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.registry.RegistryDocument;

/**
 * What a register workbook or CSV folder holds: the register made of every good row, every error found (each naming
 * sheet, row and column), and where each entry came from. A caller refuses the file when there is any error: the
 * document is then partial and is never to be stored or planned. The document is null only when the file could not
 * be read at all.
 */
public record RegistryImport(RegistryDocument document, List<InputError> errors, RegistrySourceMap sources) {

    public RegistryImport {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** A finding named by registry.json path, named instead by the sheet, row and column it came from. */
    public InputError located(InputError error) {
        Text where = error.where();
        if (!where.isPlain() || where.args().size() != 1 || !(where.args().get(0) instanceof String path)) {
            return error;
        }
        return new InputError(sources.field(path), error.why());
    }

    public List<InputError> located(List<InputError> errors) {
        return errors.stream().map(this::located).toList();
    }
}
