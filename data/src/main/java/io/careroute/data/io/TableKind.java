package io.careroute.data.io;

import static io.careroute.data.io.Column.of;

import java.util.List;
import java.util.Optional;

/**
 * The sheets of a problem workbook (or the .csv files of a problem folder), one row per entity, and their
 * columns. This is the documented layout (README, "Problems as a workbook or CSV files"); the English names are
 * the problem.json field names.
 */
enum TableKind implements TableLayout {

    SETTINGS("设置", "settings", List.of("计划", "plan"),
            of("date", "日期", "计划日期", "planDate").asRequired(),
            of("timeZone", "时区"),
            of("coordinateSystem", "坐标系")),

    KITCHENS("厨房", "kitchens", List.of("助餐点", "食堂", "canteens"),
            of("id", "编号", "厨房编号", "kitchenId").asRequired(),
            of("lat", "纬度", "latitude").asRequired(),
            of("lon", "经度", "longitude", "lng").asRequired(),
            of("loadingMinutes", "装餐分钟", "装车分钟"),
            of("maxMinutesFromKitchen", "保温时限分钟", "保温分钟")),

    BATCHES("餐批", "batches", List.of("出餐", "mealBatches"),
            of("kitchenId", "厨房编号").asRequired(),
            of("id", "餐批编号", "编号", "batchId").asRequired(),
            of("readyAt", "出餐时间", "备餐完成时间").asRequired(),
            of("boxes", "份数", "餐数")),

    ELDERS("老人", "elders", List.of("服务对象", "clients"),
            of("id", "编号", "老人编号", "elderId").asRequired(),
            of("name", "姓名").asPersonal(),
            of("phone", "电话", "联系电话", "手机").asPersonal(),
            of("address", "地址", "住址").asPersonal(),
            of("lat", "纬度", "latitude").asPersonal().asRequired(),
            of("lon", "经度", "longitude", "lng").asPersonal().asRequired(),
            of("priorityClass", "优先类别", "老人类别", "类别"),
            of("requiredWorkerGender", "要求服务人员性别", "要求性别"),
            of("preferredWorkers", "结对人员", "偏好人员"),
            of("refusedWorkers", "拒绝人员")),

    WORKERS("服务人员", "workers", List.of("人员", "staff", "carriers", "送餐员"),
            of("id", "编号", "人员编号", "workerId").asRequired(),
            of("role", "角色", "身份"),
            of("mode", "出行方式", "交通方式").asRequired(),
            of("gender", "性别"),
            // A volunteer usually starts from home: these coordinates are personal data too.
            of("startLat", "出发纬度").asPersonal().asRequired(),
            of("startLon", "出发经度").asPersonal().asRequired(),
            of("endLat", "返回纬度").asPersonal(),
            of("endLon", "返回经度").asPersonal(),
            of("shifts", "班次", "班次时段").asRequired(),
            of("capacityBoxes", "餐箱容量", "容量"),
            of("skills", "技能", "技能证书"),
            of("costPerHour", "时薪"),
            of("maxHoursPerDay", "每日最多小时"),
            of("maxKmFromHome", "离家最远公里")),

    DELIVERIES("送餐", "deliveries", List.of("送餐单", "订单", "orders"),
            of("id", "编号", "订单编号", "送餐编号", "orderId", "deliveryId").asRequired(),
            of("elderId", "老人编号").asRequired(),
            of("kitchenId", "厨房编号").asRequired(),
            of("batchId", "餐批编号"),
            of("boxes", "份数", "餐数"),
            of("windows", "送餐时段", "时段", "时间窗").asRequired(),
            of("handoverMinutes", "交接分钟")),

    VISITS("上门服务", "visits", List.of("上门", "homeVisits"),
            of("id", "编号", "上门编号", "visitId").asRequired(),
            of("elderId", "老人编号").asRequired(),
            of("type", "服务类型", "类型").asRequired(),
            of("requiredSkills", "所需技能"),
            of("durationMinutes", "时长分钟", "服务时长").asRequired(),
            of("windows", "服务时段", "时段", "时间窗").asRequired(),
            of("priority", "优先级"),
            of("urgent", "紧急"),
            of("workersNeeded", "人数", "所需人数"),
            of("pinnedWorkerId", "指定人员", "指定服务人员"));

    private final String chinese;
    private final String english;
    private final List<String> aliases;
    private final List<Column> columns;

    TableKind(String chinese, String english, List<String> aliases, Column... columns) {
        this.chinese = chinese;
        this.english = english;
        this.aliases = aliases;
        this.columns = List.of(columns);
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    /** The kind a sheet or a file (without {@code .csv}) holds, by its name in either language. */
    static Optional<TableKind> named(String name) {
        return TableLayout.named(values(), name);
    }

    static boolean ignored(String name) {
        return TableLayout.ignored(name);
    }

    /** "设置/settings, 厨房/kitchens, ..." for an error that lists what is expected. */
    static String expectedNames() {
        return TableLayout.expectedNames(values());
    }
}
