package io.careroute.planning.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import io.careroute.data.demo.DemoRegistry;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.week.RegisterDay;
import io.careroute.routing.network.RoadNetwork;

/**
 * The demo as a standing service: the demo street's register (its elders, kitchen, workers, meal subscriptions and
 * care plans, {@link DemoRegistry}), which {@code careroute plan --demo}, {@code careroute week --demo} and the
 * server's demo all plan from.
 *
 * <p>The register is generated from a seed on the demo extract's roads and is the same every week, except for its
 * only dates, the workers' certificate expiries: they are dated from the Monday of the week planned (valid a year on;
 * one bathing certificate lapsed a month before), so that the demo never ages. A day and the week it belongs to are
 * planned from the very same register.
 */
public final class DemoRegister {

    private DemoRegister() {
    }

    /**
     * A date of the demo register as an ordinary day.
     *
     * @param asked   the date asked for
     * @param date    the date planned: {@code asked}, or the next date on which somebody is on duty
     * @param problem the register's day on {@code date} ({@link RegisterDay})
     */
    public record Day(LocalDate asked, LocalDate date, RegistryDocument registry, ProblemDocument problem) {

        /** Whether nobody is on duty on the date asked, so a later date is planned instead. */
        public boolean moved() {
            return !asked.equals(date);
        }
    }

    /** The demo register of the week (Monday to Sunday) of {@code date}. */
    public static RegistryDocument forWeekOf(RoadNetwork network, long seed, LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return DemoRegistry.from(DemoProblem.generate(network, seed, monday));
    }

    /**
     * The demo register's day on {@code date} or, when nobody is on duty then (the demo street works Monday to
     * Friday), on the next date somebody is.
     */
    public static Day firstServiceDay(RoadNetwork network, long seed, LocalDate date) {
        LocalDate served = RegisterDay.firstWithService(forWeekOf(network, seed, date), date)
                .orElseThrow(() -> new IllegalStateException("the demo register has nobody on duty after " + date));
        RegistryDocument registry = forWeekOf(network, seed, served);
        return new Day(date, served, registry, RegisterDay.of(registry, served));
    }
}
