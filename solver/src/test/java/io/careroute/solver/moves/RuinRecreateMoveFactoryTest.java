package io.careroute.solver.moves;

import static io.careroute.solver.fixtures.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.careroute.solver.domain.Task;
import io.careroute.solver.domain.Worker;
import io.careroute.solver.fixtures.LineTravelTimes;
import org.junit.jupiter.api.Test;

class RuinRecreateMoveFactoryTest {

    /** Neighbour lists sorted once give what sorting the assigned tasks at every move gave, ties included. */
    @Test
    void neighbourListsGiveTheNearestAssignedTasksAsSortingThemEachTimeDid() {
        Random random = new Random(8);
        int[] metres = new int[40];
        for (int i = 0; i < metres.length; i++) {
            metres[i] = random.nextInt(12) * 250;   // few distinct positions: many ties
        }
        LineTravelTimes line = new LineTravelTimes(metres);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tasks.add(visit("V" + i, random.nextInt(metres.length)).build());
        }
        Worker worker = io.careroute.solver.fixtures.Fixtures.careWorker("C1").build();
        RuinRecreateMoveFactory.NeighbourLists lists = new RuinRecreateMoveFactory.NeighbourLists(tasks, line);
        int compared = 0;
        for (int round = 0; round < 200; round++) {
            for (Task task : tasks) {
                task.setWorker(random.nextInt(3) == 0 ? null : worker);
            }
            List<Task> assigned = tasks.stream().filter(Task::isAssigned).toList();
            Task seed = assigned.get(random.nextInt(assigned.size()));
            int count = 1 + random.nextInt(20);
            assertThat(lists.nearestAssigned(seed, count)).as("round %d", round)
                    .containsExactlyElementsOf(RuinRecreateMoveFactory.nearest(assigned, seed, count, line));
            compared++;
        }
        assertThat(compared).isEqualTo(200);
        assertThat(lists.isFor(tasks)).isTrue();
        assertThat(lists.isFor(new ArrayList<>(tasks))).isFalse();
    }
}
