package io.careroute.data.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.data.i18n.Messages;
import io.careroute.data.registry.TimeOfDayWindow;
import io.careroute.data.registry.WeekDay;

/**
 * The cell values only a register has, read and written: weekdays ({@code 周一至周五}, {@code 周二;周四},
 * {@code MON-FRI}), times of day ({@code 10:45}), one window by the clock ({@code 11:00-12:00}), lists of dates and
 * moments of leave ({@code 2026-12-02 08:00}). As {@link CellValues}: nothing is guessed.
 */
final class RegistryCellValues {

    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;；,，、\\n]");
    /** Between the two ends of a range of days or of a window. */
    private static final Pattern RANGE = Pattern.compile("\\s*(?:[-–—－~～至到])\\s*");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?");
    private static final DateTimeFormatter CLOCK_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter CLOCK_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final List<WeekDay> WORKDAYS = List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU,
            WeekDay.FRI);

    private RegistryCellValues() {
    }

    // ---- reading ----

    /**
     * Days of the week in the order written: single days and ranges ({@code 周一至周五}, {@code FRI-MON} wraps over
     * the weekend), also {@code 每天}, {@code 工作日}, {@code 周末}.
     */
    static List<WeekDay> weekDays(String text) throws BadValue {
        List<WeekDay> days = new ArrayList<>();
        for (String item : items(text)) {
            List<WeekDay> named = named(item);
            if (named != null) {
                days.addAll(named);
                continue;
            }
            String[] ends = RANGE.split(item);
            if (ends.length != 2) {
                throw new BadValue("import.notWeekDays", text);
            }
            WeekDay first = day(ends[0], text);
            WeekDay last = day(ends[1], text);
            for (int d = first.ordinal(); ; d = (d + 1) % 7) {
                days.add(WeekDay.values()[d]);
                if (d == last.ordinal()) {
                    break;
                }
            }
        }
        return List.copyOf(days);
    }

    private static List<WeekDay> named(String item) {
        return switch (Names.normalise(item)) {
            case "每天", "每日", "daily", "everyday" -> List.of(WeekDay.values());
            case "工作日", "weekdays" -> WORKDAYS;
            case "周末", "weekend" -> List.of(WeekDay.SAT, WeekDay.SUN);
            default -> {
                try {
                    yield List.of(ValueLabels.WEEKDAY.parse(item));
                } catch (BadValue notADay) {
                    yield null;
                }
            }
        };
    }

    private static WeekDay day(String text, String cell) throws BadValue {
        try {
            return ValueLabels.WEEKDAY.parse(text);
        } catch (BadValue e) {
            throw new BadValue("import.notWeekDays", cell);
        }
    }

    /** Several fixed values in one cell: {@code 失能;独居}. */
    static <T> List<T> labels(String text, ValueLabels<T> labels) throws BadValue {
        List<T> values = new ArrayList<>();
        for (String item : items(text)) {
            values.add(labels.parse(item));
        }
        return List.copyOf(values);
    }

    /** {@code 10:45} or {@code 10:45:30}; an Excel time cell reads as that text. */
    static LocalTime clock(String text) throws BadValue {
        Matcher clock = CLOCK.matcher(text.trim());
        try {
            if (clock.matches()) {
                return LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)),
                        clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3)));
            }
        } catch (DateTimeException e) {
            // 25:61: refused below
        }
        throw new BadValue("import.notClock", text);
    }

    /** One window by the clock: {@code 11:00-12:00} (also {@code 至}, {@code ～}). */
    static TimeOfDayWindow clockWindow(String text) throws BadValue {
        String[] ends = RANGE.split(text.trim());
        if (ends.length != 2) {
            throw new BadValue("import.notClockWindow", text);
        }
        try {
            return new TimeOfDayWindow(clock(ends[0]), clock(ends[1]));
        } catch (BadValue e) {
            throw new BadValue("import.notClockWindow", text);
        }
    }

    /** {@code 2026-12-02;2026-12-05}. */
    static List<LocalDate> dates(String text) throws BadValue {
        List<LocalDate> dates = new ArrayList<>();
        for (String item : items(text)) {
            try {
                dates.add(CellValues.date(item));
            } catch (BadValue e) {
                throw new BadValue("import.notDates", text);
            }
        }
        return List.copyOf(dates);
    }

    /**
     * A moment of leave: {@code 2026-12-02 08:00} in the register's zone, full ISO-8601 with an offset, or a date
     * alone — its start, or for the end of a leave the end of that day ({@code 请假 12-02 至 12-03} is both days).
     */
    static OffsetDateTime moment(String text, ZoneId zone, boolean end) throws BadValue {
        String trimmed = text.trim();
        try {
            if (trimmed.matches(".*([+-]\\d{2}:?\\d{2}|Z)$")) {
                return OffsetDateTime.parse(trimmed.replace(' ', 'T'));
            }
            if (trimmed.length() > 10 && trimmed.matches("\\d{4}-\\d{2}-\\d{2}[ T].*")) {
                return LocalDateTime.parse(trimmed.replace(' ', 'T')).atZone(zone).toOffsetDateTime();
            }
        } catch (DateTimeException e) {
            throw new BadValue("import.notMoment", text);
        }
        try {
            LocalDate date = CellValues.date(trimmed);
            return (end ? date.plusDays(1) : date).atStartOfDay(zone).toOffsetDateTime();
        } catch (BadValue e) {
            throw new BadValue("import.notMoment", text);
        }
    }

    private static List<String> items(String text) {
        return Arrays.stream(ITEM_SEPARATOR.split(text)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    // ---- writing ----

    /** A run of three or more days in a row as a range ({@code 周一至周五}, {@code MON-FRI}), else one by one. */
    static String writeWeekDays(List<WeekDay> days, Messages messages) {
        if (days == null) {
            return "";
        }
        boolean run = days.size() >= 3 && days.size() <= 7;
        for (int i = 1; run && i < days.size(); i++) {
            run = days.get(i) != null && days.get(i - 1) != null
                    && days.get(i).ordinal() == (days.get(i - 1).ordinal() + 1) % 7;
        }
        if (run) {
            return ValueLabels.WEEKDAY.write(days.get(0), messages) + (messages.isEnglish() ? "-" : "至")
                    + ValueLabels.WEEKDAY.write(days.get(days.size() - 1), messages);
        }
        return String.join(";", days.stream().map(d -> d == null ? "" : ValueLabels.WEEKDAY.write(d, messages)).toList());
    }

    static <T> String writeLabels(List<T> values, ValueLabels<T> labels, Messages messages) {
        return values == null ? "" : String.join(";", values.stream().map(v -> labels.write(v, messages)).toList());
    }

    static String writeClock(LocalTime time) {
        if (time == null) {
            return "";
        }
        return (time.getSecond() == 0 ? CLOCK_MINUTES : CLOCK_SECONDS).format(time);
    }

    static String writeClockWindow(TimeOfDayWindow window) {
        return window == null ? "" : writeClock(window.start()) + "-" + writeClock(window.end());
    }

    static String writeDates(List<LocalDate> dates) {
        return dates == null ? "" : String.join(";", dates.stream().map(LocalDate::toString).toList());
    }

    /** {@code 2026-12-02 08:00} when that is the moment in the register's zone, else full ISO-8601. */
    static String writeMoment(OffsetDateTime moment, ZoneId zone) {
        if (moment == null) {
            return "";
        }
        var local = moment.atZoneSameInstant(zone);
        if (local.getOffset().equals(moment.getOffset()) && moment.getSecond() == 0 && moment.getNano() == 0) {
            return LOCAL_MINUTES.format(local);
        }
        return moment.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
