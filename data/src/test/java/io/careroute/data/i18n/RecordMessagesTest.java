package io.careroute.data.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The service records' refusals read whole in English: an apostrophe in a MessageFormat pattern must be doubled, or it
 * quotes the rest (the server's time was shown as a literal "{0}" before; issue 17, field-live).
 */
class RecordMessagesTest {

    @Test
    void apostrophesDoNotSwallowTheArguments() {
        Messages en = Messages.english();
        assertThat(en.get("api.record.future", "10:05", 10))
                .isEqualTo("the time is in the future: more than 10 minutes after the server's 10:05 (is the phone's clock right?)");
        assertThat(en.get("api.record.otherDay", "2026-11-24")).isEqualTo("not on the plan's date 2026-11-24");
        assertThat(en.get("api.record.notPublished", "p1")).endsWith("only a published plan's stops are recorded");
        assertThat(en.get("api.record.beforeOther", "V03", "10:30")).isEqualTo("earlier than the time 10:30 you "
                + "recorded at task V03: a day's check-ins must run forwards (is the phone's clock right?)");
        assertThat(Messages.chinese().get("api.record.otherOpen", "V03", "10:05")).contains("V03").contains("10:05");
    }
}
