package io.careroute.api.web;

import java.util.List;

import io.careroute.api.access.Caller;
import io.careroute.api.store.RecordFacts;
import io.careroute.api.store.Role;
import io.careroute.api.store.ServiceRecord;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;

/**
 * What each receiver is given of an elder (issue 19.2, minimum necessary; docs/user-guide.md#personal-information):
 * <ul>
 *   <li>the register (JSON, entries, versions, workbook): ADMIN and DISPATCHER keep it and see all of it; a KITCHEN
 *       sees no health or disability class, care grade or gender requirement (it plans meals to doors: name,
 *       address, phone, home); a VIEWER neither, and no phone;</li>
 *   <li>service records (list, one record, workbook): a record's note and a correction's reason, free texts that may
 *       hold health details, only to ADMIN, DISPATCHER and the WORKER who wrote them (their own records);</li>
 *   <li>a plan's day problem ({@code GET /plans/{id}/problem}, the elders as the plan had them): as the register,
 *       ADMIN and DISPATCHER all of it; a KITCHEN no priority class (disabled, very old, living alone...: health and
 *       social status) and no gender requirement; a VIEWER neither, and no phone (a WORKER may not read it);</li>
 *   <li>route sheets, whoever prints them: for the carrier at the door, so name, address and phone, and what the
 *       stop needs (the visit, its skills, two workers, to report at once when an elder living alone does not
 *       answer), never the elder's class itself: RouteSheets holds no class, so neither the CLI nor the REST sheets
 *       can print it.</li>
 * </ul>
 * A WORKER's plan, map and field day are cut to their own stops already ({@link WorkerViews}, {@link FieldDayViews}).
 */
final class MinimumNecessary {

    private MinimumNecessary() {
    }

    /** The register as the caller's role may see it. */
    static RegistryDocument register(RegistryDocument document) {
        Role role = Caller.required().role();
        if (role == Role.ADMIN || role == Role.DISPATCHER || document == null) {
            return document;
        }
        boolean phone = role == Role.KITCHEN;
        return new RegistryDocument(document.timeZone(), document.coordinateSystem(), document.kitchens(),
                document.elders() == null ? null : document.eldersOrEmpty().stream().map(e -> e == null ? null
                        : new RegistryElder(e.id(), e.location(), e.name(), phone ? e.phone() : null, e.address(),
                        null, null, null, null, e.preferredWorkers(), e.pairedWorker(), e.refusedWorkers())).toList(),
                document.workers(), document.mealSubscriptions(), document.carePlans());
    }

    /** A day's problem as the caller's role may see it: the elders' classes only to those who keep the register. */
    static ProblemDocument problem(ProblemDocument problem) {
        Role role = Caller.required().role();
        if (role == Role.ADMIN || role == Role.DISPATCHER || problem == null || problem.elders() == null) {
            return problem;
        }
        boolean phone = role == Role.KITCHEN;
        List<ElderDoc> elders = problem.elders().stream().map(e -> e == null ? null
                : new ElderDoc(e.id(), e.location(), e.name(), phone ? e.phone() : null, e.address(), null, null,
                e.preferredWorkers(), e.refusedWorkers())).toList();
        return new ProblemDocument(problem.date(), problem.timeZone(), problem.coordinateSystem(), problem.kitchens(),
                elders, problem.workers(), problem.deliveries(), problem.visits(), problem.weights(), problem.pins());
    }

    /** A record as the caller's role may see it. */
    static ServiceRecord record(ServiceRecord record) {
        Role role = Caller.required().role();
        if (role == Role.ADMIN || role == Role.DISPATCHER || role == Role.WORKER) {
            return record;
        }
        RecordFacts f = record.facts();
        return new ServiceRecord(record.recordId(), record.version(), record.organisationId(), record.subject(),
                new RecordFacts(f.checkIn(), f.checkOut(), f.minutes(), f.outcome(), null, f.alert()),
                new io.careroute.api.store.RecordChange(record.change().action(), record.change().at(),
                        record.change().by(), record.change().idempotencyKey(), null));
    }

    static List<ServiceRecord> records(List<ServiceRecord> records) {
        return records.stream().map(MinimumNecessary::record).toList();
    }
}
