package io.careroute.data.week;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.data.i18n.Text;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.registry.RegistryDocument;

/**
 * The week as one problem: every worker-day a worker of {@link #problem} (dated the horizon's first date, its times
 * running on across the days), every meal owed on each date a delivery ({@code S1@date}), and every visit a care
 * plan owes in each 7-day block a visit that may take any allowed date of its block.
 *
 * @param workerDays by worker-day id
 * @param careVisits by task id
 * @param owed       per care plan id, the visits owed over the horizon (what week.json calls {@code required})
 */
public record HorizonProblem(WeekRequest request, RegistryDocument registry, ProblemDocument problem,
                             Map<String, WorkerDay> workerDays, Map<String, CareVisit> careVisits,
                             Map<String, Integer> owed, Origins origins, Published published) {

    /**
     * In a re-plan of a published week: the first date re-planned, the care visits already made before it (per care
     * plan), each worker's time already worked per 7-day block, and — for what is re-planned — where and when each
     * task was published (what a change is charged against) and the published routes to start from. Empty for a
     * week planned afresh.
     */
    public record Published(LocalDate since, Map<String, List<PublishedWeek.Stop>> doneVisits,
                            Map<String, Map<Integer, Integer>> workedSeconds,
                            Map<String, io.careroute.data.problem.PublishedTask> tasks,
                            Map<String, List<String>> routes) {

        public static Published none(LocalDate from) {
            return new Published(from, Map.of(), Map.of(), Map.of(), Map.of());
        }

        public int workedSeconds(String workerId, int block) {
            return workedSeconds.getOrDefault(workerId, Map.of()).getOrDefault(block, 0);
        }
    }

    /**
     * Where each entry of the horizon problem comes from in the register (by list index), so that an error found in
     * the horizon problem (a bad location, an unknown skill, a home off the roads) names the register's field.
     */
    public record Origins(List<Integer> workers, List<Integer> deliveries, List<Integer> visits,
                          List<List<Integer>> batches) {
    }

    private static final Pattern ENTRY = Pattern.compile("^(workers|deliveries|visits|kitchens)\\[(\\d+)](\\.batches\\[(\\d+)])?(.*)$");

    /** An error of the horizon problem, named by the register's field. */
    public InputError toRegistry(InputError error) {
        Text where = error.where();
        if (!where.isPlain() || where.args().size() != 1 || !(where.args().get(0) instanceof String field)) {
            return error;
        }
        return new InputError(toRegistry(field), error.why());
    }

    /** {@code workers[17].shifts} → {@code workers[2].weeklyShifts}, {@code deliveries[40]} → {@code mealSubscriptions[3]}... */
    public String toRegistry(String field) {
        Matcher m = ENTRY.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int index = Integer.parseInt(m.group(2));
        String rest = m.group(5);
        return switch (m.group(1)) {
            case "workers" -> "workers[" + origins.workers().get(index) + "]"
                    + rest.replaceFirst("^\\.shifts(\\[\\d+])?", ".weeklyShifts");
            case "deliveries" -> "mealSubscriptions[" + origins.deliveries().get(index) + "]"
                    + rest.replaceFirst("^\\.windows(\\[\\d+])?", ".window");
            case "visits" -> "carePlans[" + origins.visits().get(index) + "]"
                    + rest.replaceFirst("^\\.windows(\\[\\d+])?", ".window");
            default -> m.group(3) == null ? field : "kitchens[" + index + "].batches["
                    + origins.batches().get(index).get(Integer.parseInt(m.group(4))) + "]" + rest;
        };
    }

    public List<LocalDate> dates() {
        return java.util.stream.IntStream.range(0, request.days()).mapToObj(request::date).toList();
    }

    /** The dates planned here: all of the horizon, or in a re-plan those from its first re-planned date. */
    public List<LocalDate> plannedDates() {
        return dates().stream().filter(d -> !d.isBefore(published.since())).toList();
    }
}
