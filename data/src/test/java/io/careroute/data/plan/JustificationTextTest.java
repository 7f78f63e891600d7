package io.careroute.data.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.careroute.data.i18n.Messages;
import io.careroute.solver.domain.CareConstraint;
import io.careroute.solver.domain.MatchJustification;
import io.careroute.solver.domain.MatchJustification.Unit;
import io.careroute.solver.domain.TimeWindow;
import org.junit.jupiter.api.Test;

class JustificationTextTest {

    private static final MatchJustification LATE = new MatchJustification(CareConstraint.TIME_WINDOW, "V3", "C02",
            12 * 60 - 30, Unit.SECONDS, null, List.of(new TimeWindow(9 * 3600, 10 * 3600)));

    @Test
    void aLateVisitReadsInChineseAndEnglish() {
        assertThat(JustificationText.describe(LATE, Messages.chinese())).isEqualTo("V3 迟到 12 分钟（窗口 09:00–10:00），护理员 C02");
        assertThat(JustificationText.describe(LATE, Messages.english())).isEqualTo("V3 late by 12 min (window 09:00–10:00), worker C02");
    }

    @Test
    void twoWorkersApartAndAYesNoBreakReadDifferently() {
        var apart = new MatchJustification(CareConstraint.TWO_WORKERS_TOGETHER, "V5", "C01", 600, Unit.SECONDS, "C03", null);
        var alone = new MatchJustification(CareConstraint.TWO_WORKERS_TOGETHER, "V5", "C01", 1, Unit.COUNT, null, null);
        assertThat(JustificationText.describe(apart, Messages.english())).isEqualTo("V5: the two workers C01 and C03 arrive 10 min apart");
        assertThat(JustificationText.describe(alone, Messages.english()))
                .isEqualTo("V5: the two-worker visit is not served by two workers together (C01, —)");
    }

    @Test
    void aPublishedTaskMovedAndOneLeftUnservedReadDifferently() {
        var moved = new MatchJustification(CareConstraint.CHANGED_WORKER, "V5", "C01", 1, Unit.COUNT, "C03", null);
        var dropped = new MatchJustification(CareConstraint.CHANGED_WORKER, "V6", null, 1, Unit.COUNT, "C03", null);
        assertThat(JustificationText.describe(moved, Messages.chinese())).isEqualTo("V5 从 C03 改派给 C01");
        assertThat(JustificationText.describe(dropped, Messages.chinese())).isEqualTo("V6 原由 C03 服务，现在无人安排，需告知老人");
        assertThat(JustificationText.describe(dropped, Messages.english()))
                .isEqualTo("V6 was with C03 and is now left unserved: the elder must be told");
    }

    @Test
    void everyConstraintHasASentenceInBothLanguages() {
        for (CareConstraint constraint : CareConstraint.values()) {
            var match = new MatchJustification(constraint, "T1", "W1", 60, Unit.SECONDS, "W2", null);
            for (Messages messages : List.of(Messages.chinese(), Messages.english())) {
                assertThat(JustificationText.describe(match, messages)).as(constraint + " " + messages.locale())
                        .doesNotContain("constraint.").doesNotContain("{");
            }
        }
    }
}
