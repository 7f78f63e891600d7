package io.careroute.api.timebank;

import java.math.BigDecimal;

import io.careroute.api.store.TimeBankRules;

/** The time bank's request bodies, read and checked: every refusal names its field, nothing is stored on one. */
public final class TimeBankForms {

    /** At most 100 coins an hour, and a cap of at most 100,000 coins: beyond is a typing slip. */
    static final BigDecimal MAX_RATE = BigDecimal.valueOf(100);
    static final BigDecimal MAX_CAP = BigDecimal.valueOf(100_000);

    private TimeBankForms() {
    }

    public record Withdrawal(String key, long centi, String note) {
    }

    public record Transfer(String key, String to, long centi, String note) {
    }

    public static Withdrawal withdrawal(String idempotencyKey, byte[] body) {
        String key = TimeBankRequest.key(idempotencyKey);
        TimeBankRequest request = TimeBankRequest.of(body);
        Long centi = request.centi("coins", TimeBankRequest.MAX_COINS, true);
        String note = request.text("note", TimeBankRequest.MAX_NOTE, false);
        request.refuseIfWrong();
        return new Withdrawal(key, centi, note);
    }

    public static Transfer transfer(String idempotencyKey, byte[] body) {
        String key = TimeBankRequest.key(idempotencyKey);
        TimeBankRequest request = TimeBankRequest.of(body);
        String to = request.text("to", 64, true);
        Long centi = request.centi("coins", TimeBankRequest.MAX_COINS, true);
        String note = request.text("note", TimeBankRequest.MAX_NOTE, false);
        request.refuseIfWrong();
        return new Transfer(key, to, centi, note);
    }

    public static TimeBankRules rules(byte[] body) {
        TimeBankRequest request = TimeBankRequest.of(body);
        Long rate = request.centi("coinsPerHour", MAX_RATE, true);
        Boolean travel = request.bool("countTravel");
        Integer step = request.integer("roundingMinutes", 1, 60);
        TimeBankRules.Rounding rounding = request.choice("rounding", TimeBankRules.Rounding.class);
        Boolean transfers = request.bool("transfersAllowed");
        Long cap = request.centi("maxBalanceCoins", MAX_CAP, true);
        request.refuseIfWrong();
        return new TimeBankRules(0, rate.intValue(), travel, step, rounding, transfers, cap, null, null);
    }
}
