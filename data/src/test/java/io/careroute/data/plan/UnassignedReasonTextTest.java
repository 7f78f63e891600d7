package io.careroute.data.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.PlanDay;
import io.careroute.solver.domain.Task;
import io.careroute.solver.explain.Blocker;
import io.careroute.solver.explain.UnassignedExplanation;
import io.careroute.solver.explain.WorkerBlock;
import org.junit.jupiter.api.Test;

/** The reasons a dispatcher reads for a task nobody got. */
class UnassignedReasonTextTest {

    static final PlanDay DAY = new PlanDay(LocalDate.of(2026, 11, 24), ZoneId.of("Asia/Shanghai"));

    static Task bath(String id, int part) {
        return Task.visit(id).elder("E1").window(9 * 3600, 11 * 3600).serviceSeconds(5400)
                .requiredSkills(Set.of("BATHING")).partOf("V3", part).build();
    }

    @Test
    void namesTheBlockedWorkersRuleByRuleWithTheSkillAndTheWindow() {
        Task visit = Task.visit("V1").elder("E1").window(9 * 3600, 11 * 3600).serviceSeconds(1800)
                .requiredSkills(Set.of("BATHING")).build();
        UnassignedExplanation why = new UnassignedExplanation("V1", List.of(
                new WorkerBlock("C1", Blocker.MISSING_SKILL), new WorkerBlock("C2", Blocker.MISSING_SKILL),
                new WorkerBlock("C3", Blocker.CANNOT_REACH_IN_WINDOW)));
        assertThat(UnassignedReasonText.describe(visit, why, Messages.chinese(), DAY))
                .isEqualTo("未能安排：C1、C2 缺少所需技能或有效证书（BATHING）；C3 无法在时间窗 09:00–11:00 内到达");
    }

    @Test
    void aTwoWorkerVisitWithOneFreeQualifiedWorkerSaysSoAndDoesNotAskForMoreTime() {
        Task lead = bath("V3", 1);
        Task.pair(lead, bath("V3#2", 2));
        UnassignedExplanation why = new UnassignedExplanation("V3", List.of(
                new WorkerBlock("C1", Blocker.FEASIBLE_NOT_FOUND), new WorkerBlock("C2", Blocker.MISSING_SKILL)));
        String text = UnassignedReasonText.describe(lead, why, Messages.english(), DAY);
        assertThat(text).startsWith("Not assigned: needs two workers at once, but only 1 qualify (C1); ")
                .contains("C2 lack a required skill").doesNotContain("give it more time");
    }

    @Test
    void aTwoWorkerVisitWithTwoPossibleWorkersKeepsTheTimetableReasons() {
        Task lead = bath("V3", 1);
        Task.pair(lead, bath("V3#2", 2));
        UnassignedExplanation why = new UnassignedExplanation("V3", List.of(
                new WorkerBlock("C1", Blocker.ROUTE_FULL), new WorkerBlock("C2", Blocker.ROUTE_FULL)));
        assertThat(UnassignedReasonText.describe(lead, why, Messages.chinese(), DAY))
                .startsWith("未能安排：需两名服务人员同时上门，须两人都能安排；C1、C2 在该时段已排满");
    }
}
