package io.careroute.data.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Text;

/**
 * The building blocks every validator of careroute's documents checks fields with — present, a unique id, a known
 * reference, a number in range — collecting each failure as an {@link InputError} named by its field, never stopping
 * at the first and never repairing anything. problem.json's and registry.json's validators share them, so the same
 * fault reads the same in both.
 */
public final class FieldChecks {

    private final List<InputError> errors = new ArrayList<>();

    public List<InputError> errors() {
        return List.copyOf(errors);
    }

    public void error(String field, String key, Object... args) {
        errors.add(new InputError(field, Text.of(key, args)));
    }

    public boolean required(String at, Object value) {
        if (value == null) {
            error(at, "error.required");
            return false;
        }
        return true;
    }

    /** {@code at.id} is given, not blank, and not seen before in {@code seen} (which it joins). */
    public boolean uniqueId(String at, String id, Set<String> seen) {
        if (id == null) {
            error(at + ".id", "error.required");
            return false;
        }
        if (id.isBlank()) {
            error(at + ".id", "error.blankId");
            return false;
        }
        if (!seen.add(id)) {
            error(at + ".id", "error.duplicateId", id);
            return false;
        }
        return true;
    }

    /** @param kindKey what the id names ({@code kind.elder}, {@code kind.worker}...), for the message */
    public boolean reference(String at, String id, Set<String> known, String kindKey) {
        if (!required(at, id)) {
            return false;
        }
        if (!known.contains(id)) {
            error(at, "error.unknownReference", Text.of(kindKey), id);
            return false;
        }
        return true;
    }

    public void references(String at, List<String> ids, Set<String> known, String kindKey) {
        for (int i = 0; i < ids.size(); i++) {
            reference(at + "[" + i + "]", ids.get(i), known, kindKey);
        }
    }

    public boolean range(String at, int value, int min, int max) {
        if (value < min || value > max) {
            error(at, "error.range", value, min, max);
            return false;
        }
        return true;
    }

    /** An optional limit: when given, above zero and at most {@code max}. */
    public void positive(String at, Double value, double max) {
        if (value != null && (!(value > 0) || value > max)) {
            error(at, "error.range", value, "0", max);
        }
    }
}
