package io.careroute.api.web;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.careroute.api.access.Caller;
import io.careroute.api.access.DemoAccounts;
import io.careroute.planning.demo.DemoRegister;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.network.RoadNetwork;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo street: the demo register's day as a problem document, and (with careroute.demo=true) a job solving it
 * from start-up.
 */
@RestController
@RequestMapping("/api/v1/demo")
class DemoController {

    private static final Logger log = LoggerFactory.getLogger(DemoController.class);

    private final RoadNetwork network;
    private final ProblemAssembler assembler;
    private final PlanJobs jobs;
    private final CareRouteProperties properties;
    private final DemoAccounts demoAccounts;
    private volatile String demoJobId;

    private final Clock clock;

    /** careroute.demo-date: the date the demo plans instead of tomorrow (tests pin it; empty for tomorrow). */
    private final LocalDate demoDate;

    DemoController(RoadNetwork network, ProblemAssembler assembler, PlanJobs jobs, CareRouteProperties properties,
                   DemoAccounts demoAccounts, Clock clock, @Value("${careroute.demo-date:}") String demoDate) {
        this.clock = clock;
        this.demoDate = demoDate.isBlank() ? null : date(demoDate.strip());
        this.network = network;
        this.assembler = assembler;
        this.jobs = jobs;
        this.properties = properties;
        this.demoAccounts = demoAccounts;
    }

    record DemoJob(String id, String href) {
    }

    /**
     * The demo register's day that the console's demo button and the start-up job plan: tomorrow's, or the next
     * working day's when nobody is on duty tomorrow, as {@code careroute plan --demo} plans it; {@code ?date=} asks
     * for another date's (today's, to record a day on the worker's phone page), moved on the same way.
     */
    @Operation(summary = "The demo register's day as problem.json: tomorrow's (or the next working day's), or ?date=",
            description = "演示台账某一天的问题（problem.json）：默认明天，无人值班则顺延到下一个服务日 / the demo "
                    + "register's day: tomorrow by default, moved on to the next service day when nobody is on duty")
    @GetMapping("/problem")
    ProblemDocument problem(@RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return day(date).problem();
    }

    private DemoRegister.Day day(LocalDate date) {
        return DemoRegister.firstServiceDay(network, DemoStreetGenerator.DEFAULT_SEED, date == null ? tomorrow() : date);
    }

    @Operation(summary = "The plan job the server started for the demo at start-up (the demo organisation only)",
            description = "启动时为演示街道提交的方案任务；其他机构得到 404 / the demo street's plan job submitted at "
                    + "start-up; 404 to any other organisation")
    @GetMapping("/job")
    DemoJob job() {
        // The demo plan is the demo organisation's: to anyone else it does not exist.
        if (demoJobId == null || !Caller.required().organisationId().equals(demoAccounts.organisationId())) {
            throw new JobNotFoundException("demo");
        }
        return new DemoJob(demoJobId, "/api/v1/plans/" + demoJobId);
    }

    @EventListener(ApplicationReadyEvent.class)
    void solveDemoAtStartUp() {
        if (properties.demo()) {
            DemoRegister.Day day = day(null);
            if (day.moved()) {
                log.info("Demo: nobody is on duty in the demo register on {}; planning {} instead",
                        day.asked(), day.date());
            }
            ProblemDocument problem = day.problem();
            demoJobId = jobs.submit(problem, assembler.place(problem), Messages.chinese(),
                    demoAccounts.organisationId()).id();
            log.info("Demo street submitted as plan job {} (GET /api/v1/plans/{})", demoJobId, demoJobId);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("careroute.demo-date must be a date such as 2026-11-24, not " + text);
        }
    }

    private LocalDate tomorrow() {
        return demoDate != null ? demoDate : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
    }
}
