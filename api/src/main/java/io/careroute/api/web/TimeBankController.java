package io.careroute.api.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.careroute.api.access.AccessException;
import io.careroute.api.access.Caller;
import io.careroute.api.config.CareRouteProperties;
import io.careroute.api.store.TimeBankEntry;
import io.careroute.api.store.TimeBankRules;
import io.careroute.api.store.TimeBankStore;
import io.careroute.api.timebank.TimeBank;
import io.careroute.api.timebank.TimeBankForms;
import io.careroute.api.timebank.TimeBankRefusal;
import io.careroute.api.web.TimeBankViews.Balance;
import io.careroute.api.web.TimeBankViews.Balances;
import io.careroute.api.web.TimeBankViews.EntryView;
import io.careroute.api.web.TimeBankViews.RulesView;
import io.careroute.api.web.TimeBankViews.Statement;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The time bank over REST: a volunteer's balance and statement (a WORKER their own only), every holder's balance,
 * withdrawals and transfers (dispatcher, admin; with an Idempotency-Key as the records), the rules (admin).
 */
@RestController
class TimeBankController {

    private final TimeBank bank;
    private final TimeBankStore store;
    private final CareRouteProperties properties;
    private final Clock clock;

    TimeBankController(TimeBank bank, TimeBankStore store, CareRouteProperties properties, Clock clock) {
        this.bank = bank;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Every holder's balance (every record not yet credited credited first) and the rules")
    @GetMapping(value = "/api/v1/timebank", produces = MediaType.APPLICATION_JSON_VALUE)
    Balances balances() {
        String org = Caller.required().organisationId();
        bank.accrueAll(org);
        List<Balance> holders = store.balances(org).stream().map(e -> new Balance(e.holderId(),
                TimeBankViews.coins(e.balanceCenti()), RecordViews.time(e.at(), zone()))).toList();
        return new Balances(holders, TimeBankViews.rules(store.rules(org), zone()));
    }

    @Operation(summary = "The organisation's time-bank rules: coins per hour, travel counted, rounding, transfers, cap")
    @GetMapping(value = "/api/v1/timebank/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    RulesView rules() {
        return TimeBankViews.rules(store.rules(Caller.required().organisationId()), zone());
    }

    @Operation(summary = "New rules, every field: {coinsPerHour, countTravel, roundingMinutes, rounding: DOWN | NEAREST "
            + "| UP, transfersAllowed, maxBalanceCoins}; they apply to credits booked from now on")
    @PutMapping(value = "/api/v1/timebank/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    RulesView saveRules(@RequestBody(required = false) byte[] body) {
        Caller caller = Caller.required();
        TimeBankRules rules = TimeBankForms.rules(body);
        try {
            return TimeBankViews.rules(store.saveRules(caller.organisationId(), rules,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.auditId()), zone());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // Another admin saved the same next version a moment before: theirs stands; read and decide again.
            throw new TimeBankRefusal(409, "rules", "api.timebank.rulesRace");
        }
    }

    @Operation(summary = "A volunteer's balance and statement of the days from..to (default: this month to today), "
            + "credits from their service records booked first. A WORKER reads their own only")
    @GetMapping(value = "/api/v1/timebank/{volunteerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Statement statement(@PathVariable String volunteerId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Caller caller = Caller.required();
        if (caller.isWorker() && !volunteerId.equals(caller.workerId())) {
            throw AccessException.forbidden("volunteerId", "api.timebank.notYours", volunteerId);
        }
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate first = from == null ? today.withDayOfMonth(1) : from;
        LocalDate last = to == null ? today : to;
        if (last.isBefore(first)) {
            throw new InvalidInputException(List.of(InputError.at("to", "api.record.dateOrder")));
        }
        String org = caller.organisationId();
        bank.accrue(org, volunteerId);
        var start = first.atStartOfDay(zone()).toInstant();
        var end = last.plusDays(1).atStartOfDay(zone()).toInstant();
        long opening = store.balanceBefore(org, volunteerId, start);
        List<EntryView> entries = store.entries(org, volunteerId, start, end).stream()
                .map(e -> TimeBankViews.entry(e, zone())).toList();
        long closing = store.balanceBefore(org, volunteerId, end);
        long balance = store.last(org, volunteerId).map(TimeBankEntry::balanceCenti).orElse(0L);
        return new Statement(volunteerId, TimeBankViews.coins(balance), first, last, TimeBankViews.coins(opening),
                TimeBankViews.coins(closing), entries, TimeBankViews.rules(store.rules(org), zone()));
    }

    @Operation(summary = "Service redeemed: {\"coins\": 2.5, \"note\"} with an Idempotency-Key; 409 when the balance "
            + "is short; the same key again answers what it stored (200, Idempotent-Replayed)")
    @PostMapping(value = "/api/v1/timebank/{volunteerId}/withdrawals", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryView> withdraw(@PathVariable String volunteerId,
                                       @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                       @RequestBody(required = false) byte[] body) {
        TimeBankForms.Withdrawal w = TimeBankForms.withdrawal(key, body);
        return answer(bank.withdraw(Caller.required(), volunteerId, w.key(), w.centi(), w.note()));
    }

    @Operation(summary = "Coins given to a family member: {\"to\": an elder's or worker's id of the register, "
            + "\"coins\", \"note\"} with an Idempotency-Key; 409 when the rules allow no transfers, the balance is "
            + "short or the recipient would pass the cap")
    @PostMapping(value = "/api/v1/timebank/{volunteerId}/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryView> transfer(@PathVariable String volunteerId,
                                       @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                       @RequestBody(required = false) byte[] body) {
        TimeBankForms.Transfer t = TimeBankForms.transfer(key, body);
        return answer(bank.transfer(Caller.required(), volunteerId, t.key(), t.to(), t.centi(), t.note()));
    }

    private ResponseEntity<EntryView> answer(TimeBank.Answer answer) {
        EntryView view = TimeBankViews.entry(answer.entry(), zone());
        return answer.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    private ZoneId zone() {
        return properties.timeZone();
    }
}
