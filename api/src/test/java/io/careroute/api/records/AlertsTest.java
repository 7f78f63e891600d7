package io.careroute.api.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.careroute.api.store.RecordOutcome;
import org.junit.jupiter.api.Test;

/** Which check-outs reach the dispatcher at once. */
class AlertsTest {

    @Test
    void nobodyAtTheDoorWithAMealOrAtAnElderLivingAloneIsAnAlert() {
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "DELIVERY", "REGULAR")).isEqualTo(Alerts.MEAL_NOT_TAKEN);
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "VISIT", "ALONE")).isEqualTo(Alerts.ALONE_NOT_ANSWERING);
        // An elder living alone not answering is the more urgent, also with a meal.
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "DELIVERY", "ALONE")).isEqualTo(Alerts.ALONE_NOT_ANSWERING);
    }

    @Test
    void nobodyAnsweringADisabledOrVeryOldElderAtAVisitIsAnAlertTheirMealIsAMealNotTaken() {
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "VISIT", "DISABLED")).isEqualTo(Alerts.VULNERABLE_NOT_ANSWERING);
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "VISIT", "VERY_OLD")).isEqualTo(Alerts.VULNERABLE_NOT_ANSWERING);
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "DELIVERY", "DISABLED")).isEqualTo(Alerts.MEAL_NOT_TAKEN);
        assertThat(Alerts.of(RecordOutcome.DONE, "VISIT", "VERY_OLD")).isNull();
    }

    @Test
    void aVisitNobodyAnsweredAtAnotherElderOrAnyOtherOutcomeIsNot() {
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "VISIT", "REGULAR")).isNull();
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "VISIT", "HARDSHIP")).isNull();
        assertThat(Alerts.of(RecordOutcome.NOT_HOME, "VISIT", null)).isNull();
        for (RecordOutcome outcome : new RecordOutcome[] {RecordOutcome.DONE, RecordOutcome.REFUSED,
                RecordOutcome.FOLLOW_UP}) {
            assertThat(Alerts.of(outcome, "DELIVERY", "ALONE")).isNull();
        }
    }
}
