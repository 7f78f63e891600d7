package io.careroute.data.district;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.careroute.data.demo.RoadPoints;
import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.data.registry.CarePlanDoc;
import io.careroute.data.registry.MealSubscription;
import io.careroute.data.registry.RegistryDocument;
import io.careroute.data.registry.RegistryElder;
import io.careroute.data.registry.RegistryKitchen;
import io.careroute.data.registry.RegistryWorker;
import io.careroute.data.registry.TimeOfDayWindow;
import io.careroute.data.registry.WeekDay;
import io.careroute.solver.domain.TravelMode;

/**
 * A seeded, reproducible register of a street (or a district kitchen) for the week's scale benchmark: elders with
 * several priority classes and care grades, paid carers with skills and certificates (most Monday–Friday, a weekend
 * rota Wednesday–Sunday), meal carriers, volunteers with a weekly cap, one kitchen, meal subscriptions and care
 * plans (check-ins twice a week at least two days apart for elders living alone, weekly cleaning, errands and
 * baths — two workers for the bedridden — and care-grade visits 3–7 times a week). Every place is 5–30 m off a road
 * point of the network it is given, so every one snaps. Names, phones and addresses are invented.
 *
 * <p>{@link Size#STREET_WEEK}: 400 elders, 60 workers, 250 subscriptions, about 1,500 care visits owed a week, with
 * the carers' shift hours well above the owed service minutes (issue 14's street target).
 * {@link Size#KITCHEN_WEEK}: a district kitchen's 2,000 meals a day, every day, with 140 carriers on a 6-day rota.
 */
public final class StreetRegistryGenerator {

    public static final long DEFAULT_SEED = 20261130L;

    /**
     * How big a register is.
     *
     * @param carers            paid care workers Monday–Friday
     * @param weekendCarers     paid care workers Wednesday–Sunday (for the care grades that need weekends)
     * @param carriers          meal carriers (e-bike); on a 6-day rota when meals are every day
     * @param mealsEveryDay     meals Monday–Sunday (else Monday–Saturday, some subscriptions Monday–Friday)
     * @param care              whether elders get care plans
     */
    public record Size(int elders, int carers, int weekendCarers, int carriers, int volunteers, int mealSubscriptions,
                       boolean mealsEveryDay, boolean care) {

        /** Issue 14's street week: 400 elders, 60 workers (40 + 5 carers, 12 carriers, 3 volunteers), 250 meals. */
        public static final Size STREET_WEEK = new Size(400, 40, 5, 12, 3, 250, false, true);

        /** Issue 14's district kitchen: 2,000 meals a day for 7 days, 140 carriers (120 a day), no care plans. */
        public static final Size KITCHEN_WEEK = new Size(2000, 0, 0, 140, 0, 2000, true, false);

        /** A tenth of the street, for tests. */
        public static final Size SMALL = new Size(40, 4, 1, 2, 1, 25, false, true);

        public int workers() {
            return carers + weekendCarers + carriers + volunteers;
        }
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "胡"};
    private static final String[] GIVEN = {"秀英", "桂英", "玉兰", "凤英", "建国", "国华", "德明", "淑珍", "志强", "美华", "金宝", "阿毛"};
    private static final String[] ROADS = {"西藏中路", "福州路", "汉口路", "九江路", "云南中路", "广西北路", "北京东路", "宁波路"};
    private static final List<WeekDay> MON_FRI = List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU, WeekDay.FRI);
    private static final List<WeekDay> MON_SAT = List.of(WeekDay.MON, WeekDay.TUE, WeekDay.WED, WeekDay.THU, WeekDay.FRI,
            WeekDay.SAT);
    private static final List<WeekDay> WED_SUN = List.of(WeekDay.WED, WeekDay.THU, WeekDay.FRI, WeekDay.SAT, WeekDay.SUN);
    private static final List<WeekDay> ALL = List.of(WeekDay.values());
    static final String PERSONAL_CARE = "PERSONAL_CARE";

    private final SplittableRandom random;
    private final LocalDate monday;
    private final List<double[]> roadPoints;

    /**
     * @param monday     the first date the register is planned from (certificates are valid or lapsed relative to it)
     * @param roadPoints WGS-84 [lat, lon] of road nodes every travel mode can use, in a stable order
     */
    public StreetRegistryGenerator(long seed, LocalDate monday, List<double[]> roadPoints) {
        if (roadPoints.size() < 10) {
            throw new IllegalArgumentException("need road points to place homes on, got " + roadPoints.size());
        }
        this.random = new SplittableRandom(seed);
        this.monday = monday;
        this.roadPoints = roadPoints;
    }

    public RegistryDocument generate(Size size) {
        LocationDoc kitchenPlace = central(0.0);
        LocationDoc serviceCentre = central(0.35);
        String elderFormat = size.elders() >= 1000 ? "E%04d" : "E%03d";

        // ---- Workers ----
        List<RegistryWorker> workers = new ArrayList<>();
        List<RegistryWorker> carers = new ArrayList<>();
        for (int i = 1; i <= size.carers() + size.weekendCarers(); i++) {
            boolean weekend = i > size.carers();
            List<WorkerDoc.SkillDoc> skills = new ArrayList<>();
            skills.add(new WorkerDoc.SkillDoc(PERSONAL_CARE, monday.plusMonths(6 + random.nextInt(18))));   // 养老护理员证
            skills.add(new WorkerDoc.SkillDoc("CLEANING", null));
            if (i % 5 != 0) {
                // One bathing certificate has lapsed the month before: that carer may no longer bathe elders.
                skills.add(new WorkerDoc.SkillDoc("BATHING", i == 2 ? monday.minusMonths(1) : monday.plusYears(1)));
            }
            if (i % 7 == 0) {
                skills.add(new WorkerDoc.SkillDoc("MEDICAL_ESCORT", monday.plusYears(1)));
            }
            RegistryWorker carer = new RegistryWorker(String.format("C%02d", i), WorkerRole.CARE_WORKER,
                    i % 3 == 0 ? TravelMode.EBIKE : TravelMode.FOOT, i % 6 == 0 ? "M" : "F", serviceCentre,
                    serviceCentre, List.of(new RegistryWorker.WeeklyShift(weekend ? WED_SUN : MON_FRI, at(8, 0), at(12, 0)),
                    new RegistryWorker.WeeklyShift(weekend ? WED_SUN : MON_FRI, at(13, 0), at(17, 0))), null, 0, skills,
                    35.0, null, null, 40.0, null);
            carers.add(carer);
            workers.add(carer);
        }
        List<WeekDay> mealDays = size.mealsEveryDay() ? ALL : MON_SAT;
        String carrierFormat = size.carriers() >= 100 ? "W%03d" : "W%02d";
        for (int i = 1; i <= size.carriers(); i++) {
            // Every day of meals: each carrier is off one day, in turn (a 6-day rota).
            List<WeekDay> days = mealDays;
            if (size.mealsEveryDay()) {
                WeekDay off = ALL.get((i - 1) % 7);
                days = ALL.stream().filter(d -> d != off).toList();
            }
            workers.add(new RegistryWorker(String.format(carrierFormat, i), WorkerRole.PROPERTY_STAFF, TravelMode.EBIKE,
                    random.nextBoolean() ? "F" : "M", kitchenPlace, kitchenPlace,
                    List.of(new RegistryWorker.WeeklyShift(days, at(10, 15), at(13, 15))), null, 12, List.of(), 28.0,
                    null, null, null, null));
        }
        for (int i = 1; i <= size.volunteers(); i++) {
            LocationDoc home = nearRoad(roadPoints.get(random.nextInt(roadPoints.size())), 0, 0);
            List<WeekDay> days = i % 2 == 1 ? List.of(WeekDay.TUE, WeekDay.THU) : List.of(WeekDay.MON, WeekDay.WED, WeekDay.FRI);
            workers.add(new RegistryWorker(String.format("V%02d", i), WorkerRole.VOLUNTEER, TravelMode.FOOT,
                    random.nextBoolean() ? "F" : "M", home, home,
                    List.of(new RegistryWorker.WeeklyShift(days, at(9, 0), at(11, 30)),
                            new RegistryWorker.WeeklyShift(days, at(14, 0), at(16, 30))), null, 0, List.of(), 0.0,
                    3.0, 5.0, null, 2.0));
        }

        // ---- Elders and their care plans ----
        List<RegistryElder> elders = new ArrayList<>();
        List<CarePlanDoc> carePlans = new ArrayList<>();
        int weekdayPairs = 0;
        int weekendPairs = 0;
        for (int i = 1; i <= size.elders(); i++) {
            String id = String.format(elderFormat, i);
            boolean veryOld = random.nextInt(10) < 4;
            boolean alone = random.nextInt(10) < 5;
            Integer grade = size.care() && random.nextInt(100) < 34 ? careGrade() : null;
            List<PriorityClass> classes = new ArrayList<>();
            if (grade != null && grade >= 4) {
                classes.add(PriorityClass.DISABLED);
            }
            if (veryOld) {
                classes.add(PriorityClass.VERY_OLD);
            }
            if (alone) {
                classes.add(PriorityClass.ALONE);
            } else if (random.nextInt(4) == 0) {
                classes.add(PriorityClass.EMPTY_NEST);
            }
            if (random.nextInt(10) == 0) {
                classes.add(PriorityClass.HARDSHIP);
            }
            if (classes.isEmpty()) {
                classes.add(PriorityClass.REGULAR);
            }
            // Personal care for about a third of the women is asked to be given by women.
            String gender = random.nextInt(3) == 0 ? "F" : null;
            String paired = null;
            if (size.care()) {
                int times = grade == null ? 0 : timesOfGrade(grade);
                boolean bath = addCarePlans(carePlans, id, grade, times, alone, classes.contains(PriorityClass.DISABLED));
                if (grade != null) {
                    // 一对一结对: a carer who works the plan's days (the weekend rota for 6–7 visits a week) and can
                    // give every visit the elder is owed (bathing, by a woman when asked).
                    boolean weekend = times >= 6 && size.weekendCarers() > 0;
                    List<RegistryWorker> fit = carers.subList(weekend ? size.carers() : 0,
                            weekend ? carers.size() : size.carers()).stream()
                            .filter(c -> !bath || canBathe(c) && (gender == null || gender.equals(c.gender())))
                            .toList();
                    if (!fit.isEmpty()) {
                        paired = fit.get((weekend ? weekendPairs++ : weekdayPairs++) % fit.size()).id();
                    }
                }
            }
            elders.add(new RegistryElder(id, nearRoad(roadPoints.get(random.nextInt(roadPoints.size())), 5, 30),
                    pick(SURNAMES) + pick(GIVEN), "13" + (5 + random.nextInt(5)) + String.format("%08d",
                    random.nextInt(100_000_000)), "黄浦区" + pick(ROADS) + (1 + random.nextInt(400)) + "弄"
                    + (1 + random.nextInt(30)) + "号", null, List.copyOf(classes), grade, gender, null, paired,
                    null));
        }

        // ---- Meals ----
        List<MealSubscription> subscriptions = new ArrayList<>();
        int boxesPerDay = 0;
        for (int i = 0; i < Math.min(size.mealSubscriptions(), elders.size()); i++) {
            int boxes = random.nextInt(10) == 0 ? 2 : 1;
            boxesPerDay += boxes;
            int start = 11 * 60 + 15 * random.nextInt(3);     // 11:00, 11:15 or 11:30, for an hour
            List<WeekDay> days = size.mealsEveryDay() || random.nextInt(5) < 3 ? mealDays : MON_FRI;
            subscriptions.add(new MealSubscription(String.format(size.mealSubscriptions() >= 1000 ? "S%04d" : "S%03d", i + 1),
                    elders.get(i).id(), "K1", "K1-LUNCH", boxes, days,
                    new TimeOfDayWindow(LocalTime.of(start / 60, start % 60), LocalTime.of(start / 60 + 1, start % 60)),
                    2, null, null, null));
        }
        List<RegistryKitchen> kitchens = List.of(new RegistryKitchen("K1", kitchenPlace, 5, 45,
                List.of(new RegistryKitchen.Batch("K1-LUNCH", at(10, 45), Math.max(1, boxesPerDay), mealDays))));
        return new RegistryDocument("Asia/Shanghai", CoordinateSystemName.WGS84, kitchens, elders, workers,
                subscriptions, carePlans);
    }

    /** 长护险 grades 1–6: the lighter ones most common. */
    private int careGrade() {
        int r = random.nextInt(100);
        return r < 25 ? 1 : r < 50 ? 2 : r < 70 ? 3 : r < 85 ? 4 : r < 95 ? 5 : 6;
    }

    private static int timesOfGrade(int grade) {
        return new int[] {0, 3, 3, 4, 5, 6, 7}[grade];
    }

    private boolean canBathe(RegistryWorker carer) {
        return carer.skills().stream().anyMatch(s -> s.skill().equals("BATHING") && s.validOn(monday));
    }

    /** @return whether the elder is owed a bath */
    private boolean addCarePlans(List<CarePlanDoc> plans, String elder, Integer grade, int times, boolean alone,
                                 boolean disabled) {
        if (grade != null) {
            // Care-grade home care (长护险居家护理), mostly in the morning; 3 a week on alternate weekdays.
            List<WeekDay> days = times <= 5 ? MON_FRI : times == 6 ? MON_SAT : ALL;
            TimeOfDayWindow window = random.nextInt(3) < 2 ? clock(8, 0, 11, 0) : clock(13, 30, 16, 0);
            plans.add(new CarePlanDoc("CP-" + elder + "-CARE", elder, VisitType.CHECK_IN, List.of(PERSONAL_CARE), 45,
                    times, times == 3 ? 2 : 1, days, window, 1, 4, null, null));
        } else if (alone) {
            // A check-in twice a week, at least two days apart, for an elder living alone (独居巡访).
            plans.add(new CarePlanDoc("CP-" + elder + "-CHECK", elder, VisitType.CHECK_IN, List.of(), 30, 2, 2, MON_FRI,
                    clock(9, 0, 16, 30), 1, 3, null, null));
        }
        if (random.nextInt(100) < 85) {
            plans.add(new CarePlanDoc("CP-" + elder + "-CLEAN", elder, VisitType.CLEANING, List.of("CLEANING"), 60, 1,
                    1, MON_FRI, random.nextBoolean() ? clock(8, 30, 11, 0) : clock(13, 30, 16, 0), 1, 2, null, null));
        }
        boolean bath = random.nextInt(100) < 35;
        if (bath) {
            plans.add(new CarePlanDoc("CP-" + elder + "-BATH", elder, VisitType.BATHING, List.of("BATHING"), 60, 1, 1,
                    MON_FRI, random.nextBoolean() ? clock(9, 0, 11, 0) : clock(14, 0, 16, 0), disabled ? 2 : 1, 3,
                    null, null));
        }
        if (random.nextInt(100) < 55) {
            plans.add(new CarePlanDoc("CP-" + elder + "-ERRAND", elder, VisitType.ERRAND, List.of(), 30, 1, 1, MON_FRI,
                    clock(9, 0, 16, 0), 1, 1, null, null));
        }
        return bath;
    }

    private static TimeOfDayWindow clock(int h1, int m1, int h2, int m2) {
        return new TimeOfDayWindow(LocalTime.of(h1, m1), LocalTime.of(h2, m2));
    }

    private static LocalTime at(int hour, int minute) {
        return LocalTime.of(hour, minute);
    }

    private LocationDoc central(double fraction) {
        return RoadPoints.central(roadPoints, fraction);
    }

    private LocationDoc nearRoad(double[] point, int minMetres, int maxMetres) {
        return RoadPoints.nearRoad(point, minMetres, maxMetres, random);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
