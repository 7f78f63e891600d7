package io.careroute.planning.assemble;

import java.util.ArrayList;
import java.util.List;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.data.problem.ProblemDocument;

/**
 * Names a place in a dispatcher's terms for an error: whose place it is and which tasks are there, e.g.
 * "老人 E06 的住址（任务 O12、V03）", so a refusal says what cannot be planned, not only which field is wrong.
 */
final class PlaceNames {

    /** Tasks listed by id before the rest are only counted. */
    static final int LISTED_TASKS = 5;

    private PlaceNames() {
    }

    static Text describe(PlaceCatalogue.Place place, ProblemDocument problem) {
        Text whose = Text.of("error.place." + place.kind().name(), place.id());
        List<String> tasks = tasksAt(place, problem);
        if (tasks.isEmpty()) {
            return whose;
        }
        Text separator = Text.of("reason.listSeparator");
        if (tasks.size() <= LISTED_TASKS) {
            return Text.concat(whose, Text.of("error.placeTasks", Text.joined(separator, tasks)));
        }
        return Text.concat(whose, Text.of("error.placeTasksMore", Text.joined(separator, tasks.subList(0, LISTED_TASKS)),
                tasks.size()));
    }

    /** Deliveries and visits at an elder's home; deliveries leaving a kitchen; none at a worker's start or end. */
    static List<String> tasksAt(PlaceCatalogue.Place place, ProblemDocument problem) {
        List<String> tasks = new ArrayList<>();
        switch (place.kind()) {
            case ELDER -> {
                problem.deliveriesOrEmpty().stream().filter(d -> place.id().equals(d.elderId())).forEach(d -> tasks.add(d.id()));
                problem.visitsOrEmpty().stream().filter(v -> place.id().equals(v.elderId())).forEach(v -> tasks.add(v.id()));
            }
            case KITCHEN -> problem.deliveriesOrEmpty().stream().filter(d -> place.id().equals(d.kitchenId()))
                    .forEach(d -> tasks.add(d.id()));
            default -> {
            }
        }
        return tasks;
    }
}
