package io.careroute.api.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.careroute.api.store.RecordAction;
import io.careroute.api.store.RecordChange;
import io.careroute.api.store.RecordFacts;
import io.careroute.api.store.RecordOutcome;
import io.careroute.api.store.RecordSubject;
import io.careroute.api.store.ServiceRecord;
import io.careroute.data.plan.PlanDocument;
import io.careroute.data.plan.PlanDocument.Stop;
import io.careroute.data.plan.PlanDocument.StopKind;
import io.careroute.data.replan.EventsDocument;
import io.careroute.data.replan.EventsDocument.Type;
import org.junit.jupiter.api.Test;

/** A day's records as the re-plan's events: DONE per recorded stop, DELAY by how late the last recorded one ran. */
class RecordEventsTest {

    static final OffsetDateTime NINE = OffsetDateTime.parse("2026-11-24T09:00:00+08:00");

    static Stop stop(String task, int startMinutes, int endMinutes) {
        return new Stop(StopKind.VISIT, task, null, null, 0, 0, NINE.plusMinutes(startMinutes),
                NINE.plusMinutes(startMinutes), NINE.plusMinutes(endMinutes), 0, 0);
    }

    static ServiceRecord record(String task, Instant in, Instant out) {
        return new ServiceRecord("r-" + task, 1, "org", new RecordSubject("L", task, "P", 1, LocalDate.of(2026, 11, 24),
                "C1", "E1", "VISIT", "CHECK_IN"), new RecordFacts(in, out, null, out == null ? null : RecordOutcome.DONE,
                null, null), new RecordChange(RecordAction.CHECK_IN, in, "account:a", "k", null));
    }

    static PlanDocument plan(List<Stop> c1, List<Stop> c2) {
        return new PlanDocument("0hard/0medium/0soft", true, "Asia/Shanghai", null, null, List.of(
                new PlanDocument.WorkerRoute("C1", null, 0, null, null, NINE, c1, null),
                new PlanDocument.WorkerRoute("C2", null, 0, null, null, NINE, c2, null)), List.of(), List.of());
    }

    @Test
    void doneForEveryRecordedStopAndTheLastRecordedStopsLatenessAsADelay() {
        PlanDocument plan = plan(List.of(stop("V1", 0, 30), stop("V2", 45, 75), stop("V3", 90, 120)),
                List.of(stop("V4", 0, 30)));
        // C1 finished V1 on time and is at V2 since 20 minutes after its planned start; C2 finished V4 early.
        EventsDocument events = RecordEvents.of(plan, List.of(
                record("V1", NINE.toInstant(), NINE.plusMinutes(30).toInstant()),
                record("V2", NINE.plusMinutes(65).toInstant(), null),
                record("V4", NINE.toInstant(), NINE.plusMinutes(20).toInstant())), NINE.plusMinutes(70));

        assertThat(events.at()).isEqualTo(NINE.plusMinutes(70));
        assertThat(events.events()).containsExactly(
                new EventsDocument.Event(Type.DONE, null, null, null, "V1", null),
                new EventsDocument.Event(Type.DONE, null, null, null, "V2", null),
                new EventsDocument.Event(Type.DONE, null, null, null, "V4", null),
                new EventsDocument.Event(Type.DELAY, null, "C1", null, null, 20));
    }

    @Test
    void nothingRecordedIsNoEvent() {
        assertThat(RecordEvents.of(plan(List.of(stop("V1", 0, 30)), List.of()), List.of(), NINE).events()).isEmpty();
    }
}
