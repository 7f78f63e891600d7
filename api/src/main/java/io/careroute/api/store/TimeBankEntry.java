package io.careroute.api.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a holder's time-bank ledger; never changed once stored. Amounts are hundredths of a coin.
 *
 * @param recordId      a credit's service record (null otherwise), with the version it was computed from
 * @param dueCenti      what that record version earns under the rules; the next correction is credited by the
 *                      difference to it
 * @param cappedCenti   what the cap on stored coins refused of a credit (0 when nothing)
 * @param counterpartId a transfer's other holder
 * @param note          a withdrawal's or transfer's remark: may be personal, so {@link #toString()} leaves it out
 */
public record TimeBankEntry(String organisationId, String holderId, int seq, Kind kind, long amountCenti,
                            long balanceCenti, String recordId, Integer recordVersion, LocalDate serviceDate,
                            Long dueCenti, Long cappedCenti, String counterpartId, String transferId, String note,
                            Instant at, String by, String idempotencyKey) {

    public enum Kind { CREDIT, RECREDIT, WITHDRAWAL, TRANSFER_OUT, TRANSFER_IN }

    @Override
    public String toString() {
        return "TimeBankEntry[" + holderId + " #" + seq + " " + kind + " " + amountCenti + ", note masked]";
    }
}
