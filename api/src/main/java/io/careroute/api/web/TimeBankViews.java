package io.careroute.api.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.careroute.api.store.TimeBankEntry;
import io.careroute.api.store.TimeBankRules;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of the time bank. Amounts are time coins with two decimals; times have the server zone's offset. */
final class TimeBankViews {

    private TimeBankViews() {
    }

    record RulesView(int version, BigDecimal coinsPerHour, boolean countTravel, int roundingMinutes,
                     @Schema(description = "DOWN, NEAREST or UP") String rounding, boolean transfersAllowed,
                     BigDecimal maxBalanceCoins, OffsetDateTime updatedAt, String updatedBy) {
    }

    record EntryView(int seq,
                     @Schema(description = "CREDIT, RECREDIT, WITHDRAWAL, TRANSFER_OUT or TRANSFER_IN") String kind,
                     BigDecimal coins, BigDecimal balance, OffsetDateTime at,
                     @Schema(description = "a credit's service record, its version and day") String recordId,
                     Integer recordVersion, LocalDate serviceDate,
                     @Schema(description = "what the record's version earns under the rules") BigDecimal dueCoins,
                     @Schema(description = "what the cap on stored coins refused of the credit") BigDecimal cappedCoins,
                     @Schema(description = "a transfer's other holder") String counterpartId, String note,
                     @Schema(description = "account:<id>, api-key:<id> or system (a credit)") String by) {
    }

    record Statement(String volunteerId, BigDecimal balance, LocalDate from, LocalDate to, BigDecimal opening,
                     BigDecimal closing, List<EntryView> entries, RulesView rules) {
    }

    record Balance(String holderId, BigDecimal balance, OffsetDateTime lastEntryAt) {
    }

    record Balances(List<Balance> holders, RulesView rules) {
    }

    static BigDecimal coins(Long centi) {
        return centi == null ? null : BigDecimal.valueOf(centi, 2);
    }

    static RulesView rules(TimeBankRules r, ZoneId zone) {
        return new RulesView(r.version(), coins((long) r.coinsPerHourCenti()), r.countTravel(), r.roundingMinutes(),
                r.rounding().name(), r.transfersAllowed(), coins(r.maxBalanceCenti()), RecordViews.time(r.at(), zone),
                r.by());
    }

    static EntryView entry(TimeBankEntry e, ZoneId zone) {
        return new EntryView(e.seq(), e.kind().name(), coins(e.amountCenti()), coins(e.balanceCenti()),
                RecordViews.time(e.at(), zone), e.recordId(), e.recordVersion(), e.serviceDate(), coins(e.dueCenti()),
                coins(e.cappedCenti()), e.counterpartId(), e.note(), e.by());
    }
}
