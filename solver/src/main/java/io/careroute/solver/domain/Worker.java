package io.careroute.solver.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * A person who serves tasks on one day: property staff, a care worker or a volunteer, with a route (the
 * planning list) of tasks in visiting order.
 *
 * <p>One special instance, the <em>unassigned holder</em>, parks tasks nobody serves. OptaPlanner 10.1's list
 * variable must place every value, so "unassigned" is a place in the model rather than a null: moves take tasks
 * in and out of it like any route, the medium score charges each task parked there, and a later pin or freeze
 * is a hard rule on where a task may sit rather than a hole in the model.
 */
@PlanningEntity
public class Worker {

    public static final String UNASSIGNED_HOLDER_ID = "__unassigned__";

    @PlanningId
    private String id;
    private TravelMode mode;
    private int capacityBoxes;
    private List<TimeWindow> shifts;
    /** The shifts as start, end, start, end...: what the scheduler reads on every move (see {@link TimeWindow#bounds}). */
    private int[] shiftBounds;
    private int startPlace;
    private int endPlace;
    private Set<String> skills;
    private Gender gender;
    private boolean paid;
    private int maxWorkSeconds;
    private boolean singleTrip;
    private int maxMetresFromHome;
    private boolean unassignedHolder;
    /** How many of the route's first stops a dispatcher pinned in place (counted by CarePlan, placed by PinnedPlacement). */
    private int pinnedCount;
    /** Null on a one-day plan. */
    private WorkerDayFacts dayFacts;
    private TravelTimes travelTimes;

    @PlanningListVariable
    private List<Task> tasks = new ArrayList<>();

    /** For OptaPlanner's solution cloner. */
    public Worker() {
    }

    private Worker(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.capacityBoxes = b.capacityBoxes;
        this.shifts = b.shifts.stream().sorted(java.util.Comparator.comparingInt(TimeWindow::startSeconds)).toList();
        this.shiftBounds = TimeWindow.bounds(shifts);
        if (shifts.isEmpty() && !b.unassignedHolder) {
            throw new IllegalArgumentException("worker " + id + " has no shift");
        }
        this.startPlace = b.startPlace;
        this.endPlace = b.endPlace == null ? b.startPlace : b.endPlace;
        this.skills = Set.copyOf(b.skills);
        this.gender = b.gender;
        this.paid = b.paid;
        this.maxWorkSeconds = b.maxWorkSeconds;
        this.singleTrip = b.singleTrip;
        this.maxMetresFromHome = b.maxMetresFromHome;
        this.unassignedHolder = b.unassignedHolder;
    }

    public static Builder withId(String id) {
        return new Builder(id);
    }

    /** The holder of unserved tasks; see the class comment. */
    public static Worker unassignedHolder() {
        Builder b = new Builder(UNASSIGNED_HOLDER_ID).mode(TravelMode.FOOT);
        b.unassignedHolder = true;
        return b.build();
    }

    public int shiftStart() {
        return shifts.get(0).startSeconds();
    }

    public int shiftEnd() {
        return shifts.get(shifts.size() - 1).endSeconds();
    }

    public boolean hasSkills(Set<String> required) {
        return skills.containsAll(required);
    }

    public String getId() {
        return id;
    }

    public TravelMode getMode() {
        return mode;
    }

    public int getCapacityBoxes() {
        return capacityBoxes;
    }

    /** Sorted, non-overlapping working periods; gaps between them are breaks. */
    public List<TimeWindow> getShifts() {
        return shifts;
    }

    /** {@link #getShifts()} flattened to start, end, start, end... in order; shared, not to be changed. */
    public int[] getShiftBounds() {
        return shiftBounds;
    }

    public int getStartPlace() {
        return startPlace;
    }

    public int getEndPlace() {
        return endPlace;
    }

    public Set<String> getSkills() {
        return skills;
    }

    public Gender getGender() {
        return gender;
    }

    /** Paid staff share the work fairly; volunteers are not counted in fairness. */
    public boolean isPaid() {
        return paid;
    }

    /** A volunteer's daily cap (time from leaving home to returning), or 0 for none. */
    public int getMaxWorkSeconds() {
        return maxWorkSeconds;
    }

    /** The vehicle never returns to reload (classic VRPTW): boxes beyond capacity break the capacity rule instead. */
    public boolean isSingleTrip() {
        return singleTrip;
    }

    /**
     * A volunteer helps only near home: the greatest road distance, in metres, from home (the end place, where
     * the volunteer returns) to a task's door; 0 for no limit.
     */
    public int getMaxMetresFromHome() {
        return maxMetresFromHome;
    }

    /** How many of the route's first stops are pinned in place: no move changes the route before this index. */
    public int getPinnedCount() {
        return pinnedCount;
    }

    void setPinnedCount(int pinnedCount) {
        this.pinnedCount = pinnedCount;
    }

    /** The task may be on this worker's route as far as pins go (the unassigned holder takes no pinned task). */
    public boolean mayHoldPinned(Task task) {
        return task.getPinnedWorkerId() == null || task.getPinnedWorkerId().equals(id);
    }

    public boolean isUnassignedHolder() {
        return unassignedHolder;
    }

    /** The plan's travel port, for nearby selection only. */
    /** On a multi-day plan: whose route this is and which day; null on a one-day plan. */
    public WorkerDayFacts getDayFacts() {
        return dayFacts;
    }

    public void setDayFacts(WorkerDayFacts dayFacts) {
        this.dayFacts = dayFacts;
    }

    /** The worker this route belongs to: the route's own id on a one-day plan. */
    public String getPersonId() {
        return dayFacts == null ? id : dayFacts.workerId();
    }

    /** The route's day in the horizon (0 on a one-day plan). */
    public int getDay() {
        return dayFacts == null ? 0 : dayFacts.day();
    }

    public int getMaxWeekSeconds() {
        return dayFacts == null ? 0 : dayFacts.maxWeekSeconds();
    }

    public TravelTimes getTravelTimes() {
        return travelTimes;
    }

    public void setTravelTimes(TravelTimes travelTimes) {
        this.travelTimes = travelTimes;
    }

    public List<Task> getTasks() {
        return tasks;
    }

    public void setTasks(List<Task> tasks) {
        this.tasks = tasks;
    }

    @Override
    public String toString() {
        return id;
    }

    public static final class Builder {
        private final String id;
        private TravelMode mode;
        private int capacityBoxes;
        private List<TimeWindow> shifts = List.of();
        private int startPlace;
        private Integer endPlace;
        private Set<String> skills = Set.of();
        private Gender gender;
        private boolean paid;
        private int maxWorkSeconds;
        private boolean singleTrip;
        private int maxMetresFromHome;
        private boolean unassignedHolder;

        private Builder(String id) {
            this.id = id;
        }

        public Builder mode(TravelMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder capacityBoxes(int boxes) {
            this.capacityBoxes = boxes;
            return this;
        }

        public Builder shifts(List<TimeWindow> shifts) {
            this.shifts = shifts;
            return this;
        }

        public Builder shift(int startSeconds, int endSeconds) {
            return shifts(List.of(new TimeWindow(startSeconds, endSeconds)));
        }

        public Builder startsAt(int place) {
            this.startPlace = place;
            return this;
        }

        public Builder endsAt(int place) {
            this.endPlace = place;
            return this;
        }

        public Builder skills(Set<String> skills) {
            this.skills = skills;
            return this;
        }

        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        public Builder paid(boolean paid) {
            this.paid = paid;
            return this;
        }

        public Builder maxWorkSeconds(int seconds) {
            this.maxWorkSeconds = seconds;
            return this;
        }

        public Builder singleTrip(boolean singleTrip) {
            this.singleTrip = singleTrip;
            return this;
        }

        public Builder maxMetresFromHome(int metres) {
            this.maxMetresFromHome = metres;
            return this;
        }

        public Worker build() {
            return new Worker(this);
        }
    }
}
