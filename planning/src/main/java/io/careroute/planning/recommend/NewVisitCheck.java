package io.careroute.planning.recommend;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.ProblemValidator;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;

/**
 * Checks a new visit (VISIT.json, or the body of {@code POST /api/v1/plans/{id}/recommendations}) against the day's
 * problem and returns the problem with the visit added. Every error is named by its path in the visit itself
 * ({@code id}, {@code requiredSkills[0]}, {@code windows[1]}), since the visit is the whole input. Beyond the problem
 * validator's rules it refuses what would only ever yield an empty answer without saying why: a skill no worker of
 * the day has, a window that does not meet the plan's day, and a visit needing two workers (offered slots are for one
 * worker; a two-worker visit goes through a re-plan).
 */
public final class NewVisitCheck {

    private NewVisitCheck() {
    }

    /** @throws InvalidInputException naming each bad field of the visit */
    public static ProblemDocument withVisit(ProblemDocument problem, VisitDoc visit) {
        if (visit == null) {
            throw new InvalidInputException(List.of(new InputError("$", Text.of("error.emptyBody"))));
        }
        List<InputError> errors = new ArrayList<>();
        Set<String> taskIds = new HashSet<>();
        problem.deliveriesOrEmpty().forEach(d -> taskIds.add(d.id()));
        problem.visitsOrEmpty().forEach(v -> {
            taskIds.add(v.id());
            if (v.needsTwoWorkers()) {
                taskIds.add(VisitDoc.secondPartId(v.id()));
            }
        });
        if (visit.id() != null && taskIds.contains(visit.id())) {
            errors.add(InputError.at("id", "error.duplicateId", visit.id()));
        }
        if (visit.needsTwoWorkers()) {
            errors.add(InputError.at("workersNeeded", "recommend.twoWorkers"));
        }
        Set<String> skills = new HashSet<>();
        for (WorkerDoc worker : problem.workersOrEmpty()) {
            worker.skillsOrEmpty().forEach(s -> skills.add(s.skill()));
        }
        for (int i = 0; i < visit.requiredSkillsOrEmpty().size(); i++) {
            String skill = visit.requiredSkillsOrEmpty().get(i);
            if (skill != null && !skills.contains(skill)) {
                errors.add(InputError.at("requiredSkills[" + i + "]", "recommend.unknownSkill", skill));
            }
        }
        PlanDay day = PlanDay.of(problem);
        OffsetDateTime dayStart = day.toTime(0);
        OffsetDateTime dayEnd = day.toTime(24 * 3600);
        for (int i = 0; i < visit.windowsOrEmpty().size(); i++) {
            WindowDoc window = visit.windowsOrEmpty().get(i);
            if (window != null && window.start() != null && window.end() != null
                    && (window.end().isBefore(dayStart) || !window.start().isBefore(dayEnd))) {
                errors.add(InputError.at("windows[" + i + "]", "recommend.windowOutsideDay", problem.date()));
            }
        }
        List<VisitDoc> visits = new ArrayList<>(problem.visitsOrEmpty());
        visits.add(visit);
        ProblemDocument with = new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(),
                problem.kitchens(), problem.elders(), problem.workers(), problem.deliveries(), visits,
                problem.weights());
        try {
            ProblemValidator.validate(with);
        } catch (InvalidInputException invalid) {
            // The validator names the visit as the problem's last one (visits[57].elderId): name it as sent.
            String prefix = "visits[" + (visits.size() - 1) + "]";
            for (InputError error : invalid.errors()) {
                String field = error.field();
                if (field.startsWith(prefix)) {
                    String rest = field.substring(prefix.length());
                    errors.add(new InputError(rest.isEmpty() ? "$" : rest.startsWith(".") ? rest.substring(1) : rest,
                            error.why()));
                } else if (!errors.contains(error)) {
                    errors.add(error);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(dedupe(errors));
        }
        return with;
    }

    /** The duplicate id is found by both this check and the validator: say it once. */
    private static List<InputError> dedupe(List<InputError> errors) {
        List<InputError> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (InputError error : errors) {
            if (seen.add(error.toString())) {
                unique.add(error);
            }
        }
        return unique;
    }
}
