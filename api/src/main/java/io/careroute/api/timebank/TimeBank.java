package io.careroute.api.timebank;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.careroute.api.access.Caller;
import io.careroute.api.store.PlanStore;
import io.careroute.api.store.RegistryStore;
import io.careroute.api.store.ServiceRecord;
import io.careroute.api.store.TimeBankEntry;
import io.careroute.api.store.TimeBankEntry.Kind;
import io.careroute.api.store.TimeBankRules;
import io.careroute.api.store.TimeBankStore;
import io.careroute.data.registry.RegistryDocument;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The time bank (时间银行): each volunteer's ledger, credited from their service records and debited by withdrawals
 * (service redeemed) and transfers to a family member. Credits are booked when a ledger is read ({@link #accrue}):
 * every checked-out record of the volunteer whose current version has no credit yet gets one entry, the difference
 * between what this version earns and what the record's previous version earned, so a dispatcher's correction is
 * re-credited by a new entry, never by changing the old one. The cap on stored coins refuses the part of a credit
 * above it (recorded on the entry as capped, and not credited later when room is freed); a transfer that would lift the
 * recipient over it is refused whole. Every write is one insert of the holder's next entry number: when two writers
 * race, the database refuses the second and it starts again from the new balance.
 */
@Service
public class TimeBank {

    /** A write that lost a race starts again this many times before giving up (409). */
    static final int ATTEMPTS = 5;
    static final String SYSTEM = "system";

    private final TimeBankStore store;
    private final PlanStore plans;
    private final RegistryStore registry;
    private final Clock clock;

    public TimeBank(TimeBankStore store, PlanStore plans, RegistryStore registry, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.registry = registry;
        this.clock = clock;
    }

    /** Books the credits of the holder's records not credited yet (their first, or since a correction). */
    public void accrue(String organisationId, String holderId) {
        accrue(organisationId, holderId, new VolunteerStops(plans));
    }

    private void accrue(String organisationId, String holderId, VolunteerStops stops) {
        for (int attempt = 1; ; attempt++) {
            try {
                accrueOnce(organisationId, holderId, stops);
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw new TimeBankRefusal(409, "volunteerId", "api.timebank.busy", holderId);
                }
            }
        }
    }

    /**
     * Books the credits of every record of the organisation not credited or checked yet (the dispatcher's list):
     * usually only those since the last read.
     */
    public void accrueAll(String organisationId) {
        Set<String> workers = new TreeSet<>();
        store.uncredited(organisationId, null).forEach(r -> workers.add(r.subject().workerId()));
        VolunteerStops stops = new VolunteerStops(plans);   // each plan read once for all its workers
        workers.forEach(w -> accrue(organisationId, w, stops));
    }

    private void accrueOnce(String organisationId, String holderId, VolunteerStops stops) {
        List<ServiceRecord> pending = store.uncredited(organisationId, holderId);
        if (pending.isEmpty()) {
            return;
        }
        TimeBankRules rules = store.rules(organisationId);
        Optional<TimeBankEntry> last = store.last(organisationId, holderId);
        long balance = last.map(TimeBankEntry::balanceCenti).orElse(0L);
        int seq = last.map(TimeBankEntry::seq).orElse(0);
        Map<String, List<TimeBankEntry>> credits = store.creditsOf(organisationId,
                pending.stream().map(ServiceRecord::recordId).toList());
        List<TimeBankEntry> booked = new ArrayList<>();
        for (ServiceRecord record : pending) {
            List<TimeBankEntry> earlier = credits.getOrDefault(record.recordId(), List.of());
            boolean served = record.facts().outcome() != null
                    && (record.facts().outcome().name().equals("DONE")
                    || record.facts().outcome().name().equals("FOLLOW_UP"));
            if (!served && earlier.isEmpty()) {
                store.checked(organisationId, record.recordId(), record.version());
                continue;   // nothing earned, nothing to take back: no line
            }
            VolunteerStops.Stop stop = stops.of(record);
            if (!stop.volunteer()) {
                store.checked(organisationId, record.recordId(), record.version());
                continue;   // paid staff are paid; their records earn no coins
            }
            int minutes = !served ? 0 : (record.facts().minutes() == null ? 0 : record.facts().minutes())
                    + (rules.countTravel() ? Math.round(stop.travelSeconds() / 60f) : 0);
            long due = rules.creditCenti(minutes);
            long previousDue = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).dueCenti();
            long given = earlier.stream().mapToLong(TimeBankEntry::amountCenti).sum();
            long delta = due - previousDue;
            long amount;
            long capped = 0;
            if (delta >= 0) {
                amount = Math.min(delta, Math.max(0, rules.maxBalanceCenti() - balance));
                capped = delta - amount;
            } else {
                amount = Math.max(delta, -given);   // never takes back more than the record gave
            }
            balance += amount;
            seq++;
            booked.add(new TimeBankEntry(organisationId, holderId, seq,
                    earlier.isEmpty() ? Kind.CREDIT : Kind.RECREDIT, amount, balance, record.recordId(),
                    record.version(), record.subject().planDate(), due, capped, null, null, null, now(), SYSTEM,
                    null));
        }
        // All the holder's new lines in one transaction: a concurrent accrual that took a number first makes the whole
        // batch fail and be worked out again from the new last entry, never half of it stored.
        if (!booked.isEmpty()) {
            store.append(booked);
        }
    }

    /** Redeems {@code centi} of the holder's coins for a service (409 when the balance is short). */
    public Answer withdraw(Caller caller, String holderId, String key, long centi, String note) {
        Optional<Answer> replay = replay(caller, key, Kind.WITHDRAWAL, holderId, centi, null);
        if (replay.isPresent()) {
            return replay.get();
        }
        accrue(caller.organisationId(), holderId);
        for (int attempt = 1; ; attempt++) {
            Optional<TimeBankEntry> last = store.last(caller.organisationId(), holderId);
            long balance = last.map(TimeBankEntry::balanceCenti).orElse(0L);
            if (balance < centi) {
                throw new TimeBankRefusal(409, "coins", "api.timebank.short", coins(balance));
            }
            TimeBankEntry entry = new TimeBankEntry(caller.organisationId(), holderId,
                    last.map(TimeBankEntry::seq).orElse(0) + 1, Kind.WITHDRAWAL, -centi, balance - centi, null, null,
                    null, null, null, null, null, note, now(), caller.auditId(), key);
            try {
                store.append(List.of(entry));
                return new Answer(entry, false);
            } catch (DuplicateKeyException e) {
                Optional<Answer> raced = replay(caller, key, Kind.WITHDRAWAL, holderId, centi, null);
                if (raced.isPresent()) {
                    return raced.get();
                }
                if (attempt == ATTEMPTS) {
                    throw new TimeBankRefusal(409, "volunteerId", "api.timebank.busy", holderId);
                }
            }
        }
    }

    /**
     * Gives {@code centi} of the holder's coins to a family member ({@code to}: an elder or worker of the register):
     * 409 when the organisation's rules allow no transfers, the balance is short or the recipient would pass the cap;
     * both entries are stored in one transaction.
     */
    public Answer transfer(Caller caller, String holderId, String key, String to, long centi, String note) {
        Optional<Answer> replay = replay(caller, key, Kind.TRANSFER_OUT, holderId, centi, to);
        if (replay.isPresent()) {
            return replay.get();
        }
        String org = caller.organisationId();
        TimeBankRules rules = store.rules(org);
        if (!rules.transfersAllowed()) {
            throw new TimeBankRefusal(409, "to", "api.timebank.noTransfers");
        }
        if (to.equals(holderId)) {
            throw new TimeBankRefusal(409, "to", "api.timebank.self");
        }
        if (!inRegister(org, to)) {
            throw new TimeBankRefusal(409, "to", "api.timebank.unknownRecipient", to);
        }
        accrue(org, holderId);
        accrue(org, to);
        for (int attempt = 1; ; attempt++) {
            Optional<TimeBankEntry> from = store.last(org, holderId);
            Optional<TimeBankEntry> into = store.last(org, to);
            long balance = from.map(TimeBankEntry::balanceCenti).orElse(0L);
            long theirs = into.map(TimeBankEntry::balanceCenti).orElse(0L);
            if (balance < centi) {
                throw new TimeBankRefusal(409, "coins", "api.timebank.short", coins(balance));
            }
            if (theirs + centi > rules.maxBalanceCenti()) {
                throw new TimeBankRefusal(409, "coins", "api.timebank.recipientCap", to, coins(theirs),
                        coins(rules.maxBalanceCenti()));
            }
            String transfer = UUID.randomUUID().toString();
            Instant at = now();
            TimeBankEntry out = new TimeBankEntry(org, holderId, from.map(TimeBankEntry::seq).orElse(0) + 1,
                    Kind.TRANSFER_OUT, -centi, balance - centi, null, null, null, null, null, to, transfer, note, at,
                    caller.auditId(), key);
            TimeBankEntry in = new TimeBankEntry(org, to, into.map(TimeBankEntry::seq).orElse(0) + 1,
                    Kind.TRANSFER_IN, centi, theirs + centi, null, null, null, null, null, holderId, transfer, note,
                    at, caller.auditId(), null);
            try {
                store.append(List.of(out, in));
                return new Answer(out, false);
            } catch (DuplicateKeyException e) {
                Optional<Answer> raced = replay(caller, key, Kind.TRANSFER_OUT, holderId, centi, to);
                if (raced.isPresent()) {
                    return raced.get();
                }
                if (attempt == ATTEMPTS) {
                    throw new TimeBankRefusal(409, "volunteerId", "api.timebank.busy", holderId);
                }
            }
        }
    }

    /** A withdrawal or transfer is a new entry, or the one this key already made. */
    public record Answer(TimeBankEntry entry, boolean replayed) {
    }

    /** What the key already made, or 422 when it was made for another action. */
    private Optional<Answer> replay(Caller caller, String key, Kind kind, String holderId, long centi, String to) {
        return store.byIdempotencyKey(caller.organisationId(), key).map(done -> {
            if (done.kind() != kind || !done.holderId().equals(holderId) || done.amountCenti() != -centi
                    || (to != null && !to.equals(done.counterpartId()))) {
                throw new TimeBankRefusal(422, "Idempotency-Key", "api.timebank.keyReused");
            }
            return new Answer(done, true);
        });
    }

    private boolean inRegister(String organisationId, String id) {
        List<String> ids = new ArrayList<>();
        registry.current(organisationId).map(r -> r.document()).ifPresent((RegistryDocument d) -> {
            d.eldersOrEmpty().forEach(e -> ids.add(e.id()));
            d.workersOrEmpty().forEach(w -> ids.add(w.id()));
        });
        return ids.contains(id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String coins(long centi) {
        return java.math.BigDecimal.valueOf(centi, 2).toPlainString();
    }
}
