package io.careroute.data.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PlanDayTest {

    private final PlanDay day = new PlanDay(LocalDate.of(2026, 11, 24), ZoneId.of("Asia/Shanghai"));

    @Test
    void secondsCountFromLocalMidnightWhateverOffsetTheInputUses() {
        assertThat(day.toSeconds(OffsetDateTime.parse("2026-11-24T10:45:00+08:00"))).isEqualTo(10 * 3600 + 45 * 60);
        assertThat(day.toSeconds(OffsetDateTime.parse("2026-11-24T02:45:00Z"))).isEqualTo(10 * 3600 + 45 * 60);
        assertThat(day.toTime(10 * 3600 + 45 * 60)).isEqualTo(OffsetDateTime.parse("2026-11-24T10:45:00+08:00"));
    }
}
