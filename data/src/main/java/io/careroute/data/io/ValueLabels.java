package io.careroute.data.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.careroute.data.i18n.Messages;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.WeekDay;
import io.careroute.solver.domain.TravelMode;

/**
 * The words a cell may use for a fixed set of values: the problem.json code ({@code DISABLED}) or its Chinese
 * name ({@code 失能}), in any case. A Chinese workbook is written with the Chinese names, an English one with the
 * codes; both read back to the same value.
 */
final class ValueLabels<T> {

    static final ValueLabels<PriorityClass> PRIORITY = new ValueLabels<PriorityClass>()
            .add(PriorityClass.DISABLED, "DISABLED", "失能", "半失能")
            .add(PriorityClass.VERY_OLD, "VERY_OLD", "高龄")
            .add(PriorityClass.ALONE, "ALONE", "独居")
            .add(PriorityClass.HARDSHIP, "HARDSHIP", "困难", "特困")
            .add(PriorityClass.EMPTY_NEST, "EMPTY_NEST", "空巢")
            .add(PriorityClass.REGULAR, "REGULAR", "普通");

    static final ValueLabels<WorkerRole> ROLE = new ValueLabels<WorkerRole>()
            .add(WorkerRole.PROPERTY_STAFF, "PROPERTY_STAFF", "物业")
            .add(WorkerRole.CARE_WORKER, "CARE_WORKER", "护理员")
            .add(WorkerRole.VOLUNTEER, "VOLUNTEER", "志愿者");

    static final ValueLabels<TravelMode> MODE = new ValueLabels<TravelMode>()
            .add(TravelMode.FOOT, "FOOT", "步行")
            .add(TravelMode.BICYCLE, "BICYCLE", "自行车")
            .add(TravelMode.EBIKE, "EBIKE", "电动车", "电瓶车")
            .add(TravelMode.CAR, "CAR", "汽车");

    static final ValueLabels<VisitType> VISIT_TYPE = visitTypes();

    static final ValueLabels<String> GENDER = new ValueLabels<String>()
            .add("F", "F", "女")
            .add("M", "M", "男");

    /** Map apps name the system they copy coordinates in: 高德/腾讯 give GCJ-02, 百度 BD-09. */
    static final ValueLabels<CoordinateSystemName> COORDINATES = new ValueLabels<CoordinateSystemName>()
            .add(CoordinateSystemName.WGS84, "WGS84", "WGS84", "GPS")
            .add(CoordinateSystemName.GCJ02, "GCJ02", "GCJ02", "高德", "腾讯")
            .add(CoordinateSystemName.BD09, "BD09", "BD09", "百度");

    /** Days of the week: registry.json's codes, 周一 or 星期一, and English names. */
    static final ValueLabels<WeekDay> WEEKDAY = new ValueLabels<WeekDay>()
            .add(WeekDay.MON, "MON", "周一", "星期一", "礼拜一", "Monday")
            .add(WeekDay.TUE, "TUE", "周二", "星期二", "礼拜二", "Tuesday")
            .add(WeekDay.WED, "WED", "周三", "星期三", "礼拜三", "Wednesday")
            .add(WeekDay.THU, "THU", "周四", "星期四", "礼拜四", "Thursday")
            .add(WeekDay.FRI, "FRI", "周五", "星期五", "礼拜五", "Friday")
            .add(WeekDay.SAT, "SAT", "周六", "星期六", "礼拜六", "Saturday")
            .add(WeekDay.SUN, "SUN", "周日", "星期日", "星期天", "周天", "礼拜天", "Sunday");

    static final ValueLabels<Boolean> YES_NO = new ValueLabels<Boolean>()
            .add(Boolean.TRUE, "true", "是", "yes", "y", "1")
            .add(Boolean.FALSE, "false", "否", "no", "n", "0");

    private final Map<String, T> byWord = new LinkedHashMap<>();
    private final Map<T, String> code = new LinkedHashMap<>();
    private final Map<T, String> chinese = new LinkedHashMap<>();

    private ValueLabels<T> add(T value, String codeWord, String chineseWord, String... otherWords) {
        code.put(value, codeWord);
        chinese.put(value, chineseWord);
        byWord.put(Names.normalise(codeWord), value);
        byWord.put(Names.normalise(chineseWord), value);
        for (String word : otherWords) {
            byWord.put(Names.normalise(word), value);
        }
        return this;
    }

    private static ValueLabels<VisitType> visitTypes() {
        ValueLabels<VisitType> labels = new ValueLabels<>();
        for (VisitType type : VisitType.values()) {
            labels.add(type, type.name(), type.chinese());
        }
        return labels;
    }

    T parse(String text) throws BadValue {
        T value = byWord.get(Names.normalise(text));
        if (value == null) {
            throw new BadValue("error.invalidValue", text, expected());
        }
        return value;
    }

    String write(T value, Messages messages) {
        return messages.isEnglish() ? code.get(value) : chinese.get(value);
    }

    /** "DISABLED/失能, VERY_OLD/高龄, ...". */
    String expected() {
        return code.keySet().stream().map(v -> code.get(v) + "/" + chinese.get(v)).collect(Collectors.joining(", "));
    }

    List<T> values() {
        return List.copyOf(code.keySet());
    }
}
