package io.careroute.data.io;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.careroute.data.problem.PlanDay;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc.SkillDoc;

/**
 * Reads the text of one cell as a typed value, and writes values back as that text. Times of day are on the
 * plan date in the plan's zone ({@code 11:00}); a time on another day or at another offset is written in full
 * ISO-8601 ({@code 2026-11-25T01:00:00+08:00}). Nothing is guessed: text that does not read cleanly is refused.
 */
final class CellValues {

    /** Between list items: {@code ;} (what careroute writes), also {@code ；,，、} and line breaks. */
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;；,，、\\n]");
    /** {@code 11:00-12:00}; full-width colons and dashes too, as a Chinese input method types them. */
    private static final Pattern CLOCK_RANGE = Pattern.compile(
            "(\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)\\s*[-–—－]\\s*(\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)");
    /** Between the two ends of a window when either end is a full date-time: {@code /} as in ISO-8601 intervals. */
    private static final Pattern RANGE_SEPARATOR = Pattern.compile("\\s*[/~～至到]\\s*");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SKILL = Pattern.compile("([^:：]+?)\\s*(?:[:：]\\s*(.+))?");
    private static final DateTimeFormatter CLOCK_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter CLOCK_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"));

    private CellValues() {
    }

    static int integer(String text) throws BadValue {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadValue("import.notInteger", text);
        }
    }

    static double decimal(String text) throws BadValue {
        if (!NUMBER.matcher(text.trim()).matches()) {
            throw new BadValue("import.notNumber", text);
        }
        return Double.parseDouble(text.trim());
    }

    static LocalDate date(String text) throws BadValue {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text.trim(), format);
            } catch (DateTimeException e) {
                // try the next accepted form
            }
        }
        throw new BadValue("import.notDate", text);
    }

    /**
     * A time of day on the plan date, or a full date-time. Returns null when the text is a time of day but the
     * plan date is unknown (the settings are wrong, which is reported there).
     */
    static OffsetDateTime time(String text, PlanDay day) throws BadValue {
        try {
            return endpoint(text.trim(), day);
        } catch (DateTimeException e) {
            throw new BadValue("import.notTime", text);
        }
    }

    /** {@code 11:00-12:00;14:00-15:00}; null when the plan date is unknown (see {@link #time}). */
    static List<WindowDoc> windows(String text, PlanDay day) throws BadValue {
        List<WindowDoc> windows = new ArrayList<>();
        boolean placed = true;
        for (String item : items(text)) {
            Matcher clocks = CLOCK_RANGE.matcher(item);
            String[] ends = clocks.matches() ? new String[] {clocks.group(1), clocks.group(2)} : RANGE_SEPARATOR.split(item);
            if (ends.length != 2) {
                throw new BadValue("import.notWindows", text);
            }
            try {
                OffsetDateTime start = endpoint(ends[0], day);
                OffsetDateTime end = endpoint(ends[1], day);
                placed &= start != null && end != null;
                windows.add(new WindowDoc(start, end));
            } catch (DateTimeException e) {
                throw new BadValue("import.notWindows", text);
            }
        }
        return placed ? List.copyOf(windows) : null;
    }

    static List<String> list(String text) {
        return List.copyOf(items(text));
    }

    /** {@code BATHING:2027-06-30;CLEANING}: a skill, optionally with the date its certificate expires. */
    static List<SkillDoc> skills(String text) throws BadValue {
        List<SkillDoc> skills = new ArrayList<>();
        for (String item : items(text)) {
            Matcher skill = SKILL.matcher(item);
            if (!skill.matches()) {
                throw new BadValue("import.notSkills", text);
            }
            try {
                skills.add(new SkillDoc(skill.group(1).trim(), skill.group(2) == null ? null : date(skill.group(2))));
            } catch (BadValue e) {
                throw new BadValue("import.notSkills", text);
            }
        }
        return List.copyOf(skills);
    }

    private static List<String> items(String text) {
        return Arrays.stream(ITEM_SEPARATOR.split(text)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static OffsetDateTime endpoint(String text, PlanDay day) {
        Matcher clock = CLOCK.matcher(text.trim());
        if (clock.matches()) {
            if (day == null) {
                return null;
            }
            int hour = Integer.parseInt(clock.group(1));
            int minute = Integer.parseInt(clock.group(2));
            int second = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
            if (hour == 24 && minute == 0 && second == 0) {
                // A shift "until 24:00" ends at the next midnight.
                return day.date().plusDays(1).atStartOfDay(day.zone()).toOffsetDateTime();
            }
            return day.date().atTime(LocalTime.of(hour, minute, second)).atZone(day.zone()).toOffsetDateTime();
        }
        if (text.matches(".*([+-]\\d{2}:?\\d{2}|Z)$")) {
            return OffsetDateTime.parse(text);
        }
        LocalDateTime local = LocalDateTime.parse(text.replace(' ', 'T'));
        if (day == null) {
            return null;
        }
        return local.atZone(day.zone()).toOffsetDateTime();
    }

    // ---- writing ----

    /** The time of day when the time is on the plan date at the plan zone's offset, else full ISO-8601. */
    static String write(OffsetDateTime time, PlanDay day) {
        if (time == null) {
            return "";
        }
        if (day == null) {
            return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        var local = time.atZoneSameInstant(day.zone());
        if (local.toLocalDate().equals(day.date()) && local.getOffset().equals(time.getOffset()) && time.getNano() == 0) {
            return (time.getSecond() == 0 ? CLOCK_MINUTES : CLOCK_SECONDS).format(time);
        }
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String writeWindows(List<WindowDoc> windows, PlanDay day) {
        if (windows == null) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (WindowDoc window : windows) {
            String start = write(window.start(), day);
            String end = write(window.end(), day);
            boolean clocks = CLOCK.matcher(start).matches() && CLOCK.matcher(end).matches();
            items.add(start + (clocks ? "-" : "/") + end);
        }
        return String.join(";", items);
    }

    static String writeSkills(List<SkillDoc> skills) {
        if (skills == null) {
            return "";
        }
        return String.join(";", skills.stream()
                .map(s -> s.certificateExpires() == null ? s.skill() : s.skill() + ":" + s.certificateExpires()).toList());
    }

    static String writeList(List<String> values) {
        return values == null ? "" : String.join(";", values);
    }
}
