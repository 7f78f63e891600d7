package io.careroute.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.careroute.client.ApiException;
import io.careroute.client.api.DemoApi;
import io.careroute.client.api.PlansApi;
import io.careroute.client.model.Event;
import io.careroute.client.model.EventsDocument;
import io.careroute.client.model.JobAccepted;
import io.careroute.client.model.JobView;
import io.careroute.client.model.Problem;
import io.careroute.client.model.ProblemDocument;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from src/main/openapi/careroute.json (openapi-generator, at generate-test-sources)
 * against the real server, as an integrator would use it: submit the demo problem, follow the job, read the plan,
 * send an event, and get a 400 back as a typed problem.
 */
class GeneratedClientTest extends DemoServerTest {

    /** The demo date of the tests' configuration (careroute.demo-date): a Tuesday, every worker on duty. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private io.careroute.client.ApiClient client() {
        io.careroute.client.ApiClient client = new io.careroute.client.ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("X-API-Key", TestServer.ADMIN_KEY));
        return client;
    }

    @Test
    void plansTheDemoDayAndReplansItThroughTheGeneratedClient() throws Exception {
        io.careroute.client.ApiClient client = client();
        PlansApi plans = new PlansApi(client);

        ProblemDocument problem = new DemoApi(client).problemDemo(DAY);
        assertThat(problem.getElders()).isNotEmpty();
        JobAccepted accepted = plans.submitPlan("zh", null, problem);
        assertThat(accepted.getId()).isNotBlank();
        assertThat(accepted.getHref()).isEqualTo("/api/v1/plans/" + accepted.getId());

        JobView solved = until(plans, accepted.getId());
        assertThat(solved.getStatus()).isEqualTo("SOLVED");
        assertThat(solved.getPlan()).isNotNull();
        assertThat(solved.getPlan().getWorkers()).isNotEmpty();
        assertThat(solved.getPlan().getScore()).startsWith("0hard/");

        String worker = solved.getPlan().getWorkers().get(0).getId();
        EventsDocument delay = new EventsDocument()
                .at(OffsetDateTime.parse(DAY + "T10:00:00+08:00"))
                .events(List.of(new Event().type(Event.TypeEnum.DELAY).workerId(worker).minutes(20)));
        JobAccepted replan = plans.events(accepted.getId(), "zh", null, delay);
        JobView replanned = until(plans, replan.getId());
        assertThat(replanned.getStatus()).isEqualTo("SOLVED");
        assertThat(replanned.getReplanOf()).isEqualTo(accepted.getId());
        assertThat(replanned.getChanges()).isNotNull();

        // Bad input: a typed problem, naming the field, in the caller's language.
        EventsDocument unknownTask = new EventsDocument()
                .at(OffsetDateTime.parse(DAY + "T10:00:00+08:00"))
                .events(List.of(new Event().type(Event.TypeEnum.CANCEL).taskId("NO-SUCH-TASK")));
        assertThatThrownBy(() -> plans.events(accepted.getId(), "en", null, unknownTask))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    Problem refused = read(client, e);
                    assertThat(refused.getStatus()).isEqualTo(400);
                    assertThat(refused.getType()).hasToString("https://careroute.io/problems/invalid-input");
                    assertThat(refused.getTitle()).isEqualTo("Invalid input");
                    assertThat(refused.getErrors()).isNotEmpty();
                    assertThat(refused.getErrors().get(0).getField()).startsWith("events[0]");
                    assertThat(refused.getErrors().get(0).getReason()).isNotBlank();
                });
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyIsTheSameJob() throws Exception {
        io.careroute.client.ApiClient client = client();
        PlansApi plans = new PlansApi(client);
        ProblemDocument problem = new DemoApi(client).problemDemo(DAY);
        String key = UUID.randomUUID().toString();

        JobAccepted first = plans.submitPlan(null, key, problem);
        JobAccepted again = plans.submitPlan(null, key, problem);
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(plans.listPlans(0, 100).getItems()).filteredOn(p -> p.getId().equals(first.getId())).hasSize(1);

        problem.setTimeZone("Asia/Shanghai".equals(problem.getTimeZone()) ? "Asia/Chongqing" : "Asia/Shanghai");
        assertThatThrownBy(() -> plans.submitPlan(null, key, problem))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    Problem refused = read(client, e);
                    assertThat(refused.getType()).hasToString("https://careroute.io/problems/idempotency-key-reused");
                    assertThat(refused.getErrors().get(0).getField()).isEqualTo("Idempotency-Key");
                });
        until(plans, first.getId());
    }

    static Problem read(io.careroute.client.ApiClient client, ApiException e) {
        try {
            return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError("not problem details: " + e.getResponseBody(), unreadable);
        }
    }

    static JobView until(PlansApi plans, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JobView job = plans.getPlans(id);
            if (!job.getStatus().equals("QUEUED") && !job.getStatus().equals("SOLVING")) {
                return job;
            }
            assertThat(System.nanoTime()).as("plan %s still %s", id, job.getStatus()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
