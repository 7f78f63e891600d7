package io.careroute.api.web;

import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.jobs.JobNotFoundException;
import io.careroute.api.jobs.PlanJobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.careroute.api.access.Caller;
import io.careroute.api.access.DemoAccounts;
import io.careroute.planning.demo.DemoProblem;
import io.careroute.planning.assemble.ProblemAssembler;
import io.careroute.data.demo.DemoStreetGenerator;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.routing.network.RoadNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The demo street: its problem document, and (with careroute.demo=true) a job solving it from start-up. */
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

    DemoController(RoadNetwork network, ProblemAssembler assembler, PlanJobs jobs, CareRouteProperties properties,
                   DemoAccounts demoAccounts, Clock clock) {
        this.clock = clock;
        this.network = network;
        this.assembler = assembler;
        this.jobs = jobs;
        this.properties = properties;
        this.demoAccounts = demoAccounts;
    }

    record DemoJob(String id, String href) {
    }

    /** Tomorrow's demo street, or another date's (?date=: today's, to record a day on the worker's phone page). */
    @GetMapping("/problem")
    ProblemDocument problem(@RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return DemoProblem.generate(network, DemoStreetGenerator.DEFAULT_SEED, date == null ? tomorrow() : date);
    }

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
            ProblemDocument problem = problem(null);
            demoJobId = jobs.submit(problem, assembler.place(problem), Messages.chinese(),
                    demoAccounts.organisationId()).id();
            log.info("Demo street submitted as plan job {} (GET /api/v1/plans/{})", demoJobId, demoJobId);
        }
    }

    private LocalDate tomorrow() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
    }
}
