package io.careroute.data.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.ProblemDocument;

/**
 * What a coverage report needs of a problem: canteens (its kitchens) and elders with ids and valid locations, and
 * sensible walking limits. Workers, tasks and batches are not needed, so a problem holding only canteens and
 * elders is accepted; a full plan problem is too.
 */
public final class CoverageInput {

    /** An hour's walk is already far beyond any service circle; longer limits are a typo. */
    public static final int MAX_MINUTES = 120;

    private CoverageInput() {
    }

    /** @throws InvalidInputException naming every bad field */
    public static void validate(ProblemDocument problem, int[] minutes) {
        List<InputError> errors = new ArrayList<>();
        if (minutes == null || minutes.length == 0) {
            errors.add(new InputError("minutes", Text.of("error.notEmpty")));
        } else {
            for (int limit : minutes) {
                if (limit < 1 || limit > MAX_MINUTES) {
                    errors.add(new InputError("minutes", Text.of("error.range", limit, 1, MAX_MINUTES)));
                }
            }
        }
        if (problem.kitchensOrEmpty().isEmpty()) {
            errors.add(new InputError("kitchens", Text.of("error.notEmpty")));
        }
        Set<String> kitchenIds = new HashSet<>();
        for (int i = 0; i < problem.kitchensOrEmpty().size(); i++) {
            var kitchen = problem.kitchensOrEmpty().get(i);
            place("kitchens[" + i + "]", kitchen == null ? null : kitchen.id(), kitchen == null ? null : kitchen.location(),
                    kitchen == null, kitchenIds, errors);
        }
        Set<String> elderIds = new HashSet<>();
        for (int i = 0; i < problem.eldersOrEmpty().size(); i++) {
            var elder = problem.eldersOrEmpty().get(i);
            place("elders[" + i + "]", elder == null ? null : elder.id(), elder == null ? null : elder.location(),
                    elder == null, elderIds, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void place(String at, String id, LocationDoc location, boolean missing, Set<String> ids,
                              List<InputError> errors) {
        if (missing) {
            errors.add(new InputError(at, Text.of("error.required")));
            return;
        }
        if (id == null) {
            errors.add(new InputError(at + ".id", Text.of("error.required")));
        } else if (id.isBlank()) {
            errors.add(new InputError(at + ".id", Text.of("error.blankId")));
        } else if (!ids.add(id)) {
            errors.add(new InputError(at + ".id", Text.of("error.duplicateId", id)));
        }
        if (location == null) {
            errors.add(new InputError(at + ".location", Text.of("error.required")));
            return;
        }
        if (location.lat() == null || location.lon() == null) {
            if (location.lat() == null) {
                errors.add(new InputError(at + ".location.lat", Text.of("error.required")));
            }
            if (location.lon() == null) {
                errors.add(new InputError(at + ".location.lon", Text.of("error.required")));
            }
            return;
        }
        if (!Double.isFinite(location.lat()) || !Double.isFinite(location.lon())) {
            errors.add(new InputError(at + ".location", Text.of("error.notFinite")));
            return;
        }
        if (Math.abs(location.lat()) > 90) {
            errors.add(new InputError(at + ".location.lat", Text.of("error.latitude")));
        }
        if (Math.abs(location.lon()) > 180) {
            errors.add(new InputError(at + ".location.lon", Text.of("error.longitude")));
        }
    }
}
