package io.careroute.data.week;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.careroute.data.problem.WindowDoc;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.WeekDay;

/** A worker's shifts on a date: the weekly pattern's shifts of that weekday, less every absence that day. */
final class Availability {

    private Availability() {
    }

    static List<WindowDoc> shifts(RegistryWorker worker, LocalDate date, ZoneId zone) {
        List<WindowDoc> shifts = new ArrayList<>();
        for (RegistryWorker.WeeklyShift shift : worker.weeklyShiftsOrEmpty()) {
            if (shift.daysOrEmpty().contains(WeekDay.of(date))) {
                shifts.add(new WindowDoc(date.atTime(shift.start()).atZone(zone).toOffsetDateTime(),
                        date.atTime(shift.end()).atZone(zone).toOffsetDateTime()));
            }
        }
        for (RegistryWorker.Absence absence : worker.absencesOrEmpty()) {
            shifts = less(shifts, absence.start(), absence.end());
        }
        shifts.sort(Comparator.comparing(WindowDoc::start));
        return shifts;
    }

    /** The windows with [from, to) cut out; what is left of a window cut in the middle is two windows. */
    private static List<WindowDoc> less(List<WindowDoc> windows, OffsetDateTime from, OffsetDateTime to) {
        List<WindowDoc> left = new ArrayList<>();
        for (WindowDoc w : windows) {
            if (!to.isAfter(w.start()) || !from.isBefore(w.end())) {
                left.add(w);
                continue;
            }
            if (from.isAfter(w.start())) {
                left.add(new WindowDoc(w.start(), from));
            }
            if (to.isBefore(w.end())) {
                left.add(new WindowDoc(to, w.end()));
            }
        }
        return left;
    }
}
