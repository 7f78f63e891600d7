package io.careroute.api.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.careroute.api.store.PlanStore;
import io.careroute.api.store.Publication;
import io.careroute.api.store.Publications;
import io.careroute.api.store.RecordStore;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.ServiceRecord;
import io.careroute.api.store.StoredPlan;
import io.careroute.planning.outcomes.DoneStop;
import io.careroute.planning.outcomes.OutcomeDay;
import io.careroute.planning.outcomes.OutcomeFigures;
import io.careroute.planning.outcomes.OutcomeReport;
import org.springframework.stereotype.Service;

/**
 * The outcome figures of an organisation's month (or one plan) from what the store holds: each day's published plans
 * (every lineage's current version), their problems, the month's current service records by day, and the current
 * register's care plans and elders. The figures themselves are computed in {@code planning}
 * ({@link OutcomeFigures}).
 */
@Service
public class OutcomeReports {

    private final Publications publications;
    private final PlanStore plans;
    private final RecordStore records;
    private final RegistryStore registry;

    public OutcomeReports(Publications publications, PlanStore plans, RecordStore records, RegistryStore registry) {
        this.publications = publications;
        this.plans = plans;
        this.records = records;
        this.registry = registry;
    }

    public OutcomeReport month(String organisationId, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<String, List<DoneStop>> byLineage = records.list(organisationId, from, to, null).stream()
                .collect(Collectors.groupingBy(r -> r.subject().lineageId(),
                        Collectors.mapping(OutcomeReports::done, Collectors.toList())));
        List<OutcomeDay> days = new ArrayList<>();
        for (Publication published : publications.currentBetween(organisationId, from, to)) {
            plans.find(published.planId()).filter(p -> p.plan() != null).ifPresent(plan ->
                    plans.problem(plan.problemId()).ifPresent(problem -> days.add(new OutcomeDay(problem, plan.plan(),
                            byLineage.getOrDefault(published.lineageId(), List.of())))));
        }
        return OutcomeFigures.of(from, to, days,
                registry.current(organisationId).map(r -> r.document()).orElse(null));
    }

    /** One plan's figures, with the records of its day (lineage) where there are any. */
    public OutcomeReport plan(String organisationId, StoredPlan plan, io.careroute.data.problem.ProblemDocument problem) {
        LocalDate date = problem.date();
        List<DoneStop> done = records.list(organisationId, date, date, null).stream()
                .filter(r -> r.subject().lineageId().equals(plan.lineageId())).map(OutcomeReports::done).toList();
        return OutcomeFigures.ofPlan(new OutcomeDay(problem, plan.plan(), done));
    }

    static DoneStop done(ServiceRecord r) {
        return new DoneStop(r.subject().taskId(), r.subject().workerId(), r.facts().checkIn(), r.facts().checkOut(),
                r.facts().minutes(), r.facts().outcome() == null ? null : r.facts().outcome().name());
    }
}
