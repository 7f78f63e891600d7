package io.careroute.solver.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * One job at an elder's home: a meal delivery or a home visit. It is a value of a worker's route list; the
 * shadow variables say who serves it, what comes before and after it, and when it happens.
 */
@PlanningEntity
public class Task {

    @PlanningId
    private String id;
    private TaskKind kind;
    private String elderId;
    private int place;
    private List<TimeWindow> windows;
    /** The windows as start, end, start, end...: what the scheduler reads on every move (see {@link TimeWindow#bounds}). */
    private int[] windowBounds;
    private int serviceSeconds;
    private int boxes;
    private MealBatch batch;
    private Set<String> requiredSkills;
    private Gender requiredGender;
    private Set<String> refusedWorkerIds;
    private Set<String> preferredWorkerIds;
    private String pinnedWorkerId;
    /** 1-based place in the pinned worker's route (the route's first stops are pinned, in order), 0 when not pinned. */
    private int pinnedPosition;
    private long unassignedPenalty;
    private String publishedWorkerId;
    private int publishedStart = -1;
    private TravelTimes travelTimes;
    private String visitId;
    private int part;
    private Task partner;
    /** Null unless the task is one visit of a care plan in a multi-day plan. */
    private CareVisitFacts careVisit;
    /**
     * The window end is soft: service may start after it, each second late costing tardiness (soft level) instead
     * of breaking the hard window rule. Starting before the window start still means waiting.
     */
    private boolean softWindowEnd;
    /**
     * Part 2 of a two-worker visit only: it starts this many seconds after part 1 at the earliest and at the latest
     * (a nurse 30-60 minutes after the carer). 0 and 0, the default, is a simultaneous start.
     */
    private int partnerGapMin;
    private int partnerGapMax;

    @InverseRelationShadowVariable(sourceVariableName = "tasks")
    private Worker worker;
    @PreviousElementShadowVariable(sourceVariableName = "tasks")
    private Task previous;
    @NextElementShadowVariable(sourceVariableName = "tasks")
    private Task next;
    @ShadowVariable(variableListenerClass = RouteScheduleListener.class, sourceVariableName = "worker")
    @ShadowVariable(variableListenerClass = RouteScheduleListener.class, sourceVariableName = "previous")
    @ShadowVariable(variableListenerClass = RouteScheduleListener.class, sourceVariableName = "next")
    private ScheduledStop schedule;
    // What the schedule was computed from (see setSchedule); not a planning variable, a cache of the scheduler's inputs.
    private Worker scheduledBy;
    private Task scheduledAfter;
    private ScheduledStop scheduledAfterSchedule;
    private boolean scheduledLast;
    private boolean scheduledSynchronised;
    // Scratch of LinkedRoutes.reschedule: the walk that last found this stop's schedule kept, and the stop's position.
    private long keptByWalk;
    private int keptAt;

    /** For OptaPlanner's solution cloner. */
    public Task() {
    }

    private Task(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.elderId = b.elderId;
        this.place = b.place;
        this.windows = List.copyOf(b.windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("task " + id + " has no time window");
        }
        this.windowBounds = TimeWindow.bounds(windows);
        this.serviceSeconds = b.serviceSeconds;
        this.boxes = b.boxes;
        this.batch = b.batch;
        if (kind == TaskKind.DELIVERY && batch == null) {
            throw new IllegalArgumentException("delivery " + id + " has no meal batch");
        }
        this.requiredSkills = Set.copyOf(b.requiredSkills);
        this.requiredGender = b.requiredGender;
        this.refusedWorkerIds = Set.copyOf(b.refusedWorkerIds);
        this.preferredWorkerIds = Set.copyOf(b.preferredWorkerIds);
        this.pinnedWorkerId = b.pinnedWorkerId;
        this.pinnedPosition = b.pinnedPosition;
        if (pinnedPosition > 0 && pinnedWorkerId == null) {
            throw new IllegalArgumentException("task " + id + " has a pinned position but no pinned worker");
        }
        this.unassignedPenalty = b.unassignedPenalty;
        this.publishedWorkerId = b.publishedWorkerId;
        this.publishedStart = b.publishedStart;
        this.visitId = b.visitId == null ? id : b.visitId;
        this.part = b.part;
        this.softWindowEnd = b.softWindowEnd;
        if (b.partnerGapMin < 0 || b.partnerGapMax < b.partnerGapMin) {
            throw new IllegalArgumentException("task " + id + ": gap after part 1 must be 0 <= min <= max: "
                    + b.partnerGapMin + ".." + b.partnerGapMax);
        }
        if ((b.partnerGapMin != 0 || b.partnerGapMax != 0) && b.part != 2) {
            throw new IllegalArgumentException("task " + id + ": only part 2 of a two-worker visit has a gap after part 1");
        }
        this.partnerGapMin = b.partnerGapMin;
        this.partnerGapMax = b.partnerGapMax;
    }

    /**
     * Links the two parts of a visit that needs two workers at once (bathing a bedridden elder): both must be
     * served, by two different workers, starting together.
     */
    public static void pair(Task lead, Task second) {
        if (lead.kind != TaskKind.VISIT || second.kind != TaskKind.VISIT || lead.part != 1 || second.part != 2) {
            throw new IllegalArgumentException("pair the parts 1 and 2 of one visit: " + lead.id + ", " + second.id);
        }
        lead.partner = second;
        second.partner = lead;
    }

    public static Builder delivery(String id) {
        return new Builder(id, TaskKind.DELIVERY);
    }

    public static Builder visit(String id) {
        return new Builder(id, TaskKind.VISIT);
    }

    public boolean isDelivery() {
        return kind == TaskKind.DELIVERY;
    }

    /** Served by a real worker (not parked on the unassigned holder). */
    public boolean isAssigned() {
        return worker != null && !worker.isUnassignedHolder();
    }

    public boolean isUnassigned() {
        return !isAssigned();
    }

    public boolean isLastOfRoute() {
        return isAssigned() && next == null;
    }

    /** One of the two parts of a two-worker visit. */
    public boolean isPairPart() {
        return partner != null;
    }

    /** The other part of a two-worker visit, or null. */
    public Task getPartner() {
        return partner;
    }

    /** Both parts of a two-worker visit are served by different real workers: then they start together. */
    public boolean isSynchronisedWithPartner() {
        return partner != null && isAssigned() && partner.isAssigned() && partner.worker != worker;
    }

    /** The visit (or delivery) this task serves; the id of both parts of a two-worker visit. */
    public String getVisitId() {
        return visitId;
    }

    /** 0 for a one-worker task, 1 or 2 for the parts of a two-worker visit. */
    public int getPart() {
        return part;
    }

    /** Service may start after the window end, at a cost in tardiness (see {@link #softWindowEnd}). */
    public boolean hasSoftWindowEnd() {
        return softWindowEnd;
    }

    /** Seconds after the start of part 1 that this part 2 may start at the earliest (0 for other tasks). */
    public int getPartnerGapMin() {
        return partnerGapMin;
    }

    /** Seconds after the start of part 1 that this part 2 may start at the latest (0 for other tasks). */
    public int getPartnerGapMax() {
        return partnerGapMax;
    }

    /** How far part 2's start lies outside part 1's start plus the gap (0/0: the start difference); 0 if kept. */
    public static int gapBreak(Task lead, int leadStart, Task second, int secondStart) {
        int earliest = leadStart + second.partnerGapMin;
        int latest = leadStart + second.partnerGapMax;
        return secondStart < earliest ? earliest - secondStart : Math.max(0, secondStart - latest);
    }

    public Kitchen kitchen() {
        return batch == null ? null : batch.kitchen();
    }

    public int latestWindowEnd() {
        return windows.get(windows.size() - 1).endSeconds();
    }

    /** Null unless this is one visit of a care plan in a multi-day plan. */
    public CareVisitFacts getCareVisit() {
        return careVisit;
    }

    public void setCareVisit(CareVisitFacts careVisit) {
        this.careVisit = careVisit;
    }

    public String getId() {
        return id;
    }

    public TaskKind getKind() {
        return kind;
    }

    public String getElderId() {
        return elderId;
    }

    public int getPlace() {
        return place;
    }

    /** Sorted by start; service must start inside one of them. */
    public List<TimeWindow> getWindows() {
        return windows;
    }

    /** {@link #getWindows()} flattened to start, end, start, end... in order; shared, not to be changed. */
    public int[] getWindowBounds() {
        return windowBounds;
    }

    public int getServiceSeconds() {
        return serviceSeconds;
    }

    public int getBoxes() {
        return boxes;
    }

    public MealBatch getBatch() {
        return batch;
    }

    public Set<String> getRequiredSkills() {
        return requiredSkills;
    }

    public Gender getRequiredGender() {
        return requiredGender;
    }

    public Set<String> getRefusedWorkerIds() {
        return refusedWorkerIds;
    }

    /** The elder's paired or preferred workers (结对), for continuity of care; empty if none. */
    public Set<String> getPreferredWorkerIds() {
        return preferredWorkerIds;
    }

    public String getPinnedWorkerId() {
        return pinnedWorkerId;
    }

    /** 1-based place in the pinned worker's route, 0 when the task's place is not pinned (see {@code PinnedPlacement}). */
    public int getPinnedPosition() {
        return pinnedPosition;
    }

    /**
     * The task's pinned place holds, judged from its own worker and previous stop only (so the score stays
     * incremental): the pinned places of a worker are 1..k, so the first is first and each other follows the one
     * pinned just before it; when all of them do, every one is at its place.
     */
    public boolean keepsPinnedPosition() {
        if (pinnedPosition == 0) {
            return true;
        }
        if (worker == null || !pinnedWorkerId.equals(worker.getId())) {
            return false;
        }
        if (pinnedPosition == 1) {
            return previous == null;
        }
        return previous != null && pinnedWorkerId.equals(previous.pinnedWorkerId)
                && previous.pinnedPosition == pinnedPosition - 1;
    }

    /** Medium-level cost of leaving this task unserved: larger for more vulnerable elders and urgent visits. */
    public long getUnassignedPenalty() {
        return unassignedPenalty;
    }

    /** In a re-plan: who the published plan sent, or null if it was new or unassigned. */
    public String getPublishedWorkerId() {
        return publishedWorkerId;
    }

    /** In a re-plan: the published service start (seconds of the day), or -1. */
    public int getPublishedStart() {
        return publishedStart;
    }

    public boolean wasPublished() {
        return publishedWorkerId != null;
    }

    public Worker getWorker() {
        return worker;
    }

    public void setWorker(Worker worker) {
        this.worker = worker;
    }

    public Task getPrevious() {
        return previous;
    }

    public void setPrevious(Task previous) {
        this.previous = previous;
    }

    public Task getNext() {
        return next;
    }

    public void setNext(Task next) {
        this.next = next;
    }

    /** The plan's travel port, for nearby selection only. */
    public TravelTimes getTravelTimes() {
        return travelTimes;
    }

    public void setTravelTimes(TravelTimes travelTimes) {
        this.travelTimes = travelTimes;
    }

    public ScheduledStop getSchedule() {
        return schedule;
    }

    public void setSchedule(ScheduledStop schedule) {
        this.schedule = schedule;
        this.scheduledBy = null;
    }

    /**
     * Sets the schedule computed by {@code RouteScheduler} from these inputs alone, and remembers them: the schedule
     * is a function of them, so while they stay the same objects it needs no computing again. A move notifies the
     * scheduler of a task up to three times (its worker, previous and next change), and most of those found the
     * schedule unchanged after computing it (issue 8). For a two-worker part, whether it was scheduled with its
     * partner or alone is remembered too: that changes when the partner comes or goes, not with this part's inputs.
     */
    public void setSchedule(ScheduledStop schedule, Worker by, Task after, ScheduledStop afterSchedule, boolean last) {
        this.schedule = schedule;
        this.scheduledBy = by;
        this.scheduledAfter = after;
        this.scheduledAfterSchedule = afterSchedule;
        this.scheduledLast = last;
        this.scheduledSynchronised = isSynchronisedWithPartner();
    }

    /** Notes that a walk of {@link LinkedRoutes#reschedule} keeps this stop's schedule, at this position of its route. */
    void markKept(long walk, int position) {
        this.keptByWalk = walk;
        this.keptAt = position;
    }

    /** Where this stop is on its route if that walk keeps its schedule, else -1 (a position lookup without a map). */
    int keptPosition(long walk) {
        return keptByWalk == walk ? keptAt : -1;
    }

    /** The schedule was computed from exactly these inputs (the same objects) and is still the one set then. */
    public boolean isScheduledFrom(Worker by, Task after, ScheduledStop afterSchedule, boolean last) {
        return scheduledBy == by && by != null && scheduledAfter == after && scheduledAfterSchedule == afterSchedule
                && scheduledLast == last && scheduledSynchronised == isSynchronisedWithPartner();
    }

    /** The schedule is still what its route gives it: computed from the stop before it as that stop now stands. */
    public boolean isScheduledFromItsRoute() {
        return isScheduledFrom(worker, previous, previous == null ? null : previous.schedule, next == null);
    }

    @Override
    public String toString() {
        return id;
    }

    /** Builds a task; refuses an incomplete one at once. */
    public static final class Builder {
        private final String id;
        private final TaskKind kind;
        private String elderId;
        private int place;
        private List<TimeWindow> windows = List.of();
        private int serviceSeconds;
        private int boxes;
        private MealBatch batch;
        private Set<String> requiredSkills = Set.of();
        private Gender requiredGender;
        private Set<String> refusedWorkerIds = Set.of();
        private Set<String> preferredWorkerIds = Set.of();
        private String pinnedWorkerId;
        private int pinnedPosition;
        private long unassignedPenalty = 1;
        private String publishedWorkerId;
        private int publishedStart = -1;
        private String visitId;
        private int part;
        private boolean softWindowEnd;
        private int partnerGapMin;
        private int partnerGapMax;

        private Builder(String id, TaskKind kind) {
            this.id = id;
            this.kind = kind;
        }

        public Builder elder(String elderId) {
            this.elderId = elderId;
            return this;
        }

        public Builder at(int place) {
            this.place = place;
            return this;
        }

        public Builder windows(List<TimeWindow> windows) {
            this.windows = windows.stream()
                    .sorted(java.util.Comparator.comparingInt(TimeWindow::startSeconds))
                    .toList();
            return this;
        }

        public Builder window(int startSeconds, int endSeconds) {
            return windows(List.of(new TimeWindow(startSeconds, endSeconds)));
        }

        public Builder serviceSeconds(int serviceSeconds) {
            this.serviceSeconds = serviceSeconds;
            return this;
        }

        public Builder boxes(int boxes) {
            this.boxes = boxes;
            return this;
        }

        public Builder batch(MealBatch batch) {
            this.batch = batch;
            return this;
        }

        public Builder requiredSkills(Set<String> skills) {
            this.requiredSkills = skills;
            return this;
        }

        public Builder requiredGender(Gender gender) {
            this.requiredGender = gender;
            return this;
        }

        public Builder refusedWorkers(Set<String> workerIds) {
            this.refusedWorkerIds = workerIds;
            return this;
        }

        public Builder preferredWorkers(Set<String> workerIds) {
            this.preferredWorkerIds = workerIds;
            return this;
        }

        public Builder pinnedTo(String workerId) {
            this.pinnedWorkerId = workerId;
            return this;
        }

        /** The task's 1-based place in its pinned worker's route (needs {@link #pinnedTo}). */
        public Builder pinnedAt(int position) {
            this.pinnedPosition = position;
            return this;
        }

        public Builder unassignedPenalty(long penalty) {
            this.unassignedPenalty = penalty;
            return this;
        }

        /** What the published plan said: its changes cost (minimal disruption). */
        public Builder published(String workerId, int startSeconds) {
            this.publishedWorkerId = workerId;
            this.publishedStart = startSeconds;
            return this;
        }

        /** Part 1 or 2 of a two-worker visit; link the two built parts with {@link Task#pair}. */
        public Builder partOf(String visitId, int part) {
            if (part != 1 && part != 2) {
                throw new IllegalArgumentException("part must be 1 or 2: " + part);
            }
            this.visitId = visitId;
            this.part = part;
            return this;
        }

        /** The window end may be passed at a cost in tardiness instead of breaking the hard window rule. */
        public Builder softWindowEnd(boolean soft) {
            this.softWindowEnd = soft;
            return this;
        }

        /** For part 2 of a two-worker visit: start min..max seconds after part 1 (0, 0 = together). */
        public Builder afterPartner(int minSeconds, int maxSeconds) {
            this.partnerGapMin = minSeconds;
            this.partnerGapMax = maxSeconds;
            return this;
        }

        public Task build() {
            return new Task(this);
        }
    }
}
