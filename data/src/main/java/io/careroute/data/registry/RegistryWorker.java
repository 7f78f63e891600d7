package io.careroute.data.registry;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.solver.domain.TravelMode;

/**
 * A worker of the register: as in problem.json, but with a weekly shift pattern instead of a day's shifts, absences
 * (leave, sickness), a volunteer's weekly hour cap and a paid worker's contract hours.
 */
public record RegistryWorker(String id, WorkerRole role, TravelMode mode, String gender, LocationDoc start,
                             LocationDoc end, List<WeeklyShift> weeklyShifts, List<Absence> absences,
                             Integer capacityBoxes, List<WorkerDoc.SkillDoc> skills, Double costPerHour,
                             Double maxHoursPerDay, Double maxHoursPerWeek, Double contractHoursPerWeek,
                             Double maxKmFromHome) {

    public List<WeeklyShift> weeklyShiftsOrEmpty() {
        return weeklyShifts == null ? List.of() : weeklyShifts;
    }

    public List<Absence> absencesOrEmpty() {
        return absences == null ? List.of() : absences;
    }

    /** Works {@code start}–{@code end} on each of {@code days}. */
    public record WeeklyShift(List<WeekDay> days, LocalTime start, LocalTime end) {

        public List<WeekDay> daysOrEmpty() {
            return days == null ? List.of() : days;
        }
    }

    /** Away from {@code start} to {@code end} (leave, sickness, training). */
    public record Absence(OffsetDateTime start, OffsetDateTime end) {
    }
}
