package io.careroute.api.web;

import java.util.List;

import io.careroute.api.access.Caller;
import io.careroute.api.store.RecordFacts;
import io.careroute.api.store.Role;
import io.careroute.api.store.ServiceRecord;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.sheets.RouteSheets;

/**
 * What each receiver is given of an elder (issue 19.2, minimum necessary; docs/user-guide.md#personal-information):
 * <ul>
 *   <li>the register (JSON, entries, versions, workbook): ADMIN and DISPATCHER keep it and see all of it; a KITCHEN
 *       sees no health or disability class, care grade or gender requirement (it plans meals to doors: name,
 *       address, phone, home); a VIEWER neither, and no phone;</li>
 *   <li>service records (list, one record, workbook): a record's note and a correction's reason, free texts that may
 *       hold health details, only to ADMIN, DISPATCHER and the WORKER who wrote them (their own records);</li>
 *   <li>route sheets, whoever prints them: for the carrier at the door, so name, address and phone, never the
 *       elder's health or disability class.</li>
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

    /** Route sheets without any elder's health or disability class. */
    static RouteSheets sheets(RouteSheets sheets) {
        return new RouteSheets(sheets.date(), sheets.carriers().stream().map(c -> new RouteSheets.Carrier(
                c.workerId(), c.mode(), c.capacityBoxes(), c.shift(), c.stops().stream().map(l -> new RouteSheets.Line(
                l.sequence(), l.trip(), l.kind(), l.taskId(), l.place(), l.arrival(), l.start(), l.end(), l.boxes(),
                elder(l.elder()), l.windows(), l.serviceMinutes(), l.visitType(), l.requiredSkills())).toList(),
                c.totals())).toList(),
                sheets.unserved().stream().map(u -> new RouteSheets.Unserved(u.taskId(), u.kind(), elder(u.elder()),
                        u.reason())).toList());
    }

    private static RouteSheets.Elder elder(RouteSheets.Elder e) {
        return e == null ? null : new RouteSheets.Elder(e.id(), e.name(), e.address(), e.phone(), null);
    }
}
