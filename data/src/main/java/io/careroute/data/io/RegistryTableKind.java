package io.careroute.data.io;

import static io.careroute.data.io.Column.of;

import java.util.List;

/**
 * The sheets of a register workbook (or the .csv files of a register folder): one per thing a centre keeps, one row
 * per item, children (a kitchen's batches, a worker's weekly shifts and leave) on their own sheet naming their
 * parent. The English names are registry.json's field names (../shared/docs/INTERFACES.md, "Standing data and the
 * week"); the Chinese ones are what the template is written with.
 */
enum RegistryTableKind implements TableLayout {

    SETTINGS("设置", "settings", List.of(),
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
            of("readyTime", "出餐时间", "备餐完成时间", "readyAt").asRequired(),
            of("boxes", "份数", "餐数"),
            of("days", "供餐日", "星期", "每周供餐日").asRequired()),

    ELDERS("老人", "elders", List.of("服务对象", "clients"),
            of("id", "编号", "老人编号", "elderId").asRequired(),
            of("name", "姓名").asPersonal(),
            of("phone", "电话", "联系电话", "手机").asPersonal(),
            of("address", "地址", "住址").asPersonal(),
            of("lat", "纬度", "latitude").asPersonal().asRequired(),
            of("lon", "经度", "longitude", "lng").asPersonal().asRequired(),
            // Several classes at once (失能;独居); a class is health data, but the codes are the layout's, not free text.
            of("priorityClasses", "优先类别", "老人类别", "类别", "priorityClass"),
            of("careGrade", "护理等级", "照护等级", "长护险等级"),
            of("requiredWorkerGender", "要求服务人员性别", "要求性别"),
            of("preferredWorkers", "偏好人员"),
            of("pairedWorker", "结对人员", "结对"),
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
            of("capacityBoxes", "餐箱容量", "容量"),
            of("skills", "技能", "技能证书"),
            of("costPerHour", "时薪"),
            of("maxHoursPerDay", "每日最多小时"),
            of("maxHoursPerWeek", "每周最多小时"),
            of("contractHoursPerWeek", "每周合同小时", "合同工时"),
            of("maxKmFromHome", "离家最远公里")),

    WEEKLY_SHIFTS("班次", "weeklyShifts", List.of("每周班次", "排班", "shifts"),
            of("workerId", "人员编号").asRequired(),
            of("days", "星期", "工作日").asRequired(),
            of("start", "开始时间", "上班时间").asRequired(),
            of("end", "结束时间", "下班时间").asRequired()),

    ABSENCES("请假", "absences", List.of("缺勤", "休假", "leave"),
            of("workerId", "人员编号").asRequired(),
            of("start", "开始", "开始时间").asRequired(),
            of("end", "结束", "结束时间").asRequired()),

    MEAL_SUBSCRIPTIONS("订餐", "mealSubscriptions", List.of("助餐订阅", "送餐订阅", "subscriptions"),
            of("id", "编号", "订餐编号", "subscriptionId").asRequired(),
            of("elderId", "老人编号").asRequired(),
            of("kitchenId", "厨房编号").asRequired(),
            of("batchId", "餐批编号"),
            of("boxes", "份数", "餐数"),
            of("days", "送餐日", "星期").asRequired(),
            of("window", "送餐时段", "时段").asRequired(),
            of("handoverMinutes", "交接分钟"),
            of("from", "开始日期", "起始日期"),
            of("until", "结束日期", "截止日期"),
            of("skipDates", "停餐日期", "暂停日期")),

    CARE_PLANS("照护计划", "carePlans", List.of("服务计划", "护理计划"),
            of("id", "编号", "计划编号", "carePlanId").asRequired(),
            of("elderId", "老人编号").asRequired(),
            of("type", "服务类型", "类型").asRequired(),
            of("requiredSkills", "所需技能"),
            of("durationMinutes", "时长分钟", "服务时长").asRequired(),
            of("timesPerWeek", "每周次数").asRequired(),
            of("minDaysApart", "最少间隔天数", "间隔天数"),
            of("days", "可服务日", "星期"),
            of("window", "服务时段", "时段").asRequired(),
            of("workersNeeded", "人数", "所需人数"),
            of("priority", "优先级"),
            of("from", "开始日期", "起始日期"),
            of("until", "结束日期", "截止日期"));

    private final String chinese;
    private final String english;
    private final List<String> aliases;
    private final List<Column> columns;

    RegistryTableKind(String chinese, String english, List<String> aliases, Column... columns) {
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
}
