package io.careroute.solver.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The string removals' settings: each one changed alone, and a value out of its range refused by name. */
class StringRemovalSettingsTest {

    @Test
    void eachSettingChangesAloneAndTheDefaultsAreWhatTheConstantsSay() {
        StringRemovalSettings settings = StringRemovalSettings.DEFAULT;
        assertThat(settings).isEqualTo(new StringRemovalSettings(StringRemovalSettings.STRING_SHARE_OF_ROUTE,
                StringRemovalSettings.SPLIT_CHANCE, StringRemovalSettings.SPLIT_DEPTH,
                StringRemovalSettings.START_TEMPERATURE_PER_NEAREST, StringRemovalSettings.END_TEMPERATURE_SHARE,
                StringRemovalSettings.EJECTIONS, StringRemovalSettings.CYCLES, StringRemovalSettings.MEETINGS));
        double share = settings.stringShare();
        double chance = settings.splitChance();
        double depth = settings.splitDepth();
        double start = settings.startTemperature();
        double end = settings.endTemperatureShare();
        int ejections = settings.ejections();
        int cycles = settings.cycles();
        int meetings = settings.meetings();
        assertThat(settings.withStringShare(0)).isEqualTo(new StringRemovalSettings(0, chance, depth, start, end, ejections, cycles, meetings));
        assertThat(settings.withSplitChance(0)).isEqualTo(new StringRemovalSettings(share, 0, depth, start, end, ejections, cycles, meetings));
        assertThat(settings.withSplitDepth(0.1)).isEqualTo(new StringRemovalSettings(share, chance, 0.1, start, end, ejections, cycles, meetings));
        assertThat(settings.withStartTemperature(20))
                .isEqualTo(new StringRemovalSettings(share, chance, depth, 20, end, ejections, cycles, meetings));
        assertThat(settings.withEndTemperatureShare(0.01))
                .isEqualTo(new StringRemovalSettings(share, chance, depth, start, 0.01, ejections, cycles, meetings));
        assertThat(settings.withEjections(5)).isEqualTo(new StringRemovalSettings(share, chance, depth, start, end, 5, cycles, meetings));
        assertThat(settings.withCycles(3)).isEqualTo(new StringRemovalSettings(share, chance, depth, start, end, ejections, 3, meetings));
        assertThat(settings.withMeetings(3)).isEqualTo(new StringRemovalSettings(share, chance, depth, start, end, ejections, cycles, 3));
    }

    @Test
    void aValueOutOfItsRangeIsRefusedByName() {
        StringRemovalSettings settings = StringRemovalSettings.DEFAULT;
        assertThatThrownBy(() -> settings.withStringShare(1.5)).hasMessageContaining("string share")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> settings.withSplitChance(-0.1)).hasMessageContaining("split chance");
        assertThatThrownBy(() -> settings.withSplitChance(Double.NaN)).hasMessageContaining("split chance");
        // A depth of 0 would grow every split string's middle to the end of its route: refused.
        assertThatThrownBy(() -> settings.withSplitDepth(0)).hasMessageContaining("split depth");
        assertThatThrownBy(() -> settings.withStartTemperature(-1))
                .hasMessageContaining("start temperature");
        assertThatThrownBy(() -> settings.withEndTemperatureShare(0)).hasMessageContaining("end temperature share");
        assertThatThrownBy(() -> settings.withEndTemperatureShare(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> settings.withEjections(-1)).hasMessageContaining("ejections")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> settings.withCycles(0)).hasMessageContaining("cycles").hasMessageContaining("0");
        assertThatThrownBy(() -> settings.withMeetings(-1)).hasMessageContaining("meetings").hasMessageContaining("-1");
    }
}
