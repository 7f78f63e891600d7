package io.careroute.planning.outcomes;

import java.time.LocalDate;
import java.util.List;

import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.WorkerRole;

/**
 * The outcome figures of some days' published plans: what a civil-affairs office asks of a home-care service. Every
 * figure is defined in docs/user-guide.md (Outcome figures). A day with service records counts by its records; a day
 * without any counts by its plan ({@code plansRecorded} says how many counted by records).
 */
public record OutcomeReport(LocalDate from, LocalDate to, int plans, int plansRecorded, VisitsOwed visits,
                            Share priorityInWindow, Share mealsHot, Punctuality punctuality, Continuity continuity,
                            Hours hours) {

    /** Care-plan visits owed, planned and delivered, in all and per elder (elders owing or getting a visit). */
    public record VisitsOwed(int owed, int planned, int delivered, Share deliveredOfOwed, List<ElderVisits> elders) {
    }

    /** {@code shortfall}: owed visits not delivered (never below 0). */
    public record ElderVisits(String elderId, List<PriorityClass> classes, int owed, int planned, int delivered,
                              int shortfall) {
    }

    /** Served stops whose check-in was within {@code toleranceMinutes} of the planned start (recorded days only). */
    public record Punctuality(int toleranceMinutes, Share onTime, Double meanLateMinutes) {
    }

    /** Elders with at least two visits served, and how many of them had all by one worker (as week.json). */
    public record Continuity(int elders, int withOneWorker, Double share) {
    }

    public record Hours(double volunteerHours, double volunteerTravelHours, List<WorkerHours> workers) {
    }

    /** A worker's served stops, service hours and the planned travel to those stops. */
    public record WorkerHours(String workerId, WorkerRole role, int stops, double serviceHours, double travelHours) {
    }
}
