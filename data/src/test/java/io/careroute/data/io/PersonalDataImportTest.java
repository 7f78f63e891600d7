package io.careroute.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.InputError;
import io.careroute.data.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Elders' names, phones, addresses and home coordinates reach neither logs nor exception messages. */
class PersonalDataImportTest {

    @TempDir
    Path dir;

    @Test
    void aBadHomeCoordinateIsReportedWithoutQuotingItAndNothingPersonalIsLogged() throws Exception {
        Path file = dir.resolve("problem.xlsx");
        ProblemFiles.writeWorkbook(SmallProblem.document(), file, Messages.chinese());
        TestWorkbook.edit(file, "老人", 2, "纬度", SmallProblem.HOME_LAT + "x");
        TestWorkbook.edit(file, "老人", 2, "要求服务人员性别", "X");
        TestWorkbook.edit(file, "送餐", 2, "份数", "给" + SmallProblem.NAME);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        // Everything, POI's debug output included, goes to the appender while the file is read.
        Logger poi = (Logger) LoggerFactory.getLogger("org.apache");
        ch.qos.logback.classic.Level level = root.getLevel();
        ch.qos.logback.classic.Level poiLevel = poi.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.ALL);
        poi.setLevel(ch.qos.logback.classic.Level.ALL);
        InvalidInputException refused;
        try {
            refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> ProblemFiles.read(file));
        } finally {
            root.detachAppender(log);
            root.setLevel(level);
            poi.setLevel(poiLevel);
        }

        assertThat(log.list).as("the appender saw the import").isNotEmpty();
        assertThat(refused.getMessage()).isEqualTo("3 input error(s)");
        assertThat(refused.errors()).extracting(InputError::field)
                .containsExactly("老人 第 2 行 纬度", "老人 第 2 行 要求服务人员性别", "送餐 第 2 行 份数");
        assertThat(refused.errors().get(0).reason(Messages.chinese())).isEqualTo("不是数字：（已隐去）");
        String everything = refused.getMessage() + refused.errors() + log.list.stream()
                .map(e -> e.getFormattedMessage() + e.getThrowableProxy()).toList();
        assertThat(everything).doesNotContain(String.valueOf(SmallProblem.HOME_LAT), SmallProblem.PHONE, SmallProblem.ADDRESS);
        assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString())
                .doesNotContain(SmallProblem.NAME, SmallProblem.PHONE, SmallProblem.ADDRESS, "31.23456");
    }

    @Test
    void invalidInputMessagesCarryOnlyTheCount() {
        assertThatThrownBy(() -> ProblemFiles.read(dir.resolve("missing")))
                .hasMessage("1 input error(s)");
    }
}
