package io.careroute.data.hhcrsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InvalidInputException;
import io.careroute.solver.domain.CarePlan;
import io.careroute.solver.domain.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HhcrspReaderTest {

    @Test
    void readsTheFirstSetAInstanceAsPrinted() throws IOException {
        HhcrspInstance a1 = HhcrspReader.read(SharedHhcrsp.instance("InstanzCPLEX_HCSRP_10_1"));
        assertThat(a1.name()).isEqualTo("InstanzCPLEX_HCSRP_10_1");
        assertThat(a1.patients()).isEqualTo(10);
        assertThat(a1.caregivers()).isEqualTo(3);
        assertThat(a1.services()).isEqualTo(6);
        assertThat(a1.servicesOf(1)).containsExactly(3);
        assertThat(a1.servicesOf(9)).containsExactly(0, 3);          // DS lists 11 10 9 (1-based): nodes 10, 9, 8
        assertThat(a1.doubleService()[8]).isTrue();
        assertThat(a1.doubleService()[9]).isTrue();
        assertThat(a1.doubleService()[10]).isTrue();
        assertThat(a1.doubleService()[1]).isFalse();
        assertThat(a1.isQualified(0, 2)).isTrue();
        assertThat(a1.isQualified(0, 3)).isFalse();
        assertThat(a1.distance()[0][1]).isEqualTo(38.470768);
        assertThat(a1.processing()[1][2][3]).isEqualTo(14.0);
        assertThat(a1.minGap()[9]).isEqualTo(51);
        assertThat(a1.maxGap()[9]).isEqualTo(102);
        assertThat(a1.simultaneous(8)).isTrue();
        assertThat(a1.windowStart()[1]).isEqualTo(345);
        assertThat(a1.windowEnd()[1]).isEqualTo(465);
    }

    @Test
    void readsEveryInstanceOfTheSharedSetAndBuildsItsPlan() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SharedHhcrsp.root().resolve("instances"))) {
            files = listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(35);
        for (Path file : files) {
            HhcrspInstance instance = HhcrspReader.read(file);
            CarePlan plan = HhcrspPlanFactory.create(instance);
            long doubles = java.util.stream.IntStream.rangeClosed(1, instance.patients())
                    .filter(i -> instance.doubleService()[i]).count();
            assertThat(plan.getTasks()).as(file.toString()).hasSize((int) (instance.patients() + doubles));
            assertThat(plan.getTasks().stream().filter(Task::isPairPart)).hasSize((int) (2 * doubles));
        }
    }

    @Test
    void aShortRowIsRefusedNamingTheBlockAndRow(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(SharedHhcrsp.instance("InstanzCPLEX_HCSRP_10_1"));
        int a = lines.indexOf("a");
        lines.set(a + 2, "0 0 0");
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, lines);
        assertThatThrownBy(() -> HhcrspReader.read(bad)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    var error = ((InvalidInputException) e).errors().get(0);
                    assertThat(error.field(Messages.english())).isEqualTo("bad.txt block a row 2 (line " + (a + 3) + ")");
                    assertThat(error.reason(Messages.english())).isEqualTo("expected 6 numbers, found 3");
                });
    }

    @Test
    void aMissingBlockOrAWordForANumberIsRefused(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(SharedHhcrsp.instance("InstanzCPLEX_HCSRP_10_1"));
        Path noWindows = dir.resolve("no-l.txt");
        Files.write(noWindows, lines.subList(0, lines.indexOf("l")));
        assertThatThrownBy(() -> HhcrspReader.read(noWindows)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).reason(Messages.english()))
                        .isEqualTo("block 'l' is missing"));
        int e = lines.indexOf("e");
        lines.set(e + 1, lines.get(e + 1).replaceFirst("345", "abc"));
        Path word = dir.resolve("word.txt");
        Files.write(word, lines);
        assertThatThrownBy(() -> HhcrspReader.read(word)).isInstanceOf(InvalidInputException.class)
                .satisfies(ex -> {
                    var error = ((InvalidInputException) ex).errors().get(0);
                    assertThat(error.field(Messages.english())).isEqualTo("word.txt block e line " + (e + 2));
                    assertThat(error.reason(Messages.english())).isEqualTo("'abc' is not a number of 0 or more");
                });
    }
}
