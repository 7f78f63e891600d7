package io.careroute.data.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.careroute.data.problem.CoordinateSystemName;
import io.careroute.data.problem.DeliveryDoc;
import io.careroute.data.problem.ElderDoc;
import io.careroute.data.problem.KitchenDoc;
import io.careroute.data.problem.LocationDoc;
import io.careroute.data.problem.PriorityClass;
import io.careroute.data.problem.ProblemDocument;
import io.careroute.data.problem.VisitDoc;
import io.careroute.data.problem.VisitType;
import io.careroute.data.problem.WindowDoc;
import io.careroute.data.problem.WorkerDoc;
import io.careroute.data.problem.WorkerRole;
import io.careroute.solver.domain.TravelMode;

/**
 * A seeded, reproducible day for one street (街道): a central kitchen with lunch and dinner batches, elders with meal orders,
 * carriers on foot and by e-bike, care workers with skills and split shifts, and home visits of several types.
 * Homes are placed 5-30 m off real road nodes (a doorway off the street), so every one can be snapped.
 * Names, phones and addresses are invented; they exist so that masking can be tested.
 */
public final class DemoStreetGenerator {

    /** The bundled extract and its attribution (ODbL) live beside this class. */
    public static final String DEMO_EXTRACT = "io/careroute/data/demo/cn-shanghai-huangpu-peoples-square.osm.pbf";
    public static final long DEFAULT_SEED = 20261124L;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "胡"};
    private static final String[] GIVEN = {"秀英", "桂英", "玉兰", "凤英", "建国", "国华", "德明", "淑珍", "志强", "美华", "金宝", "阿毛"};
    private static final String[] ROADS = {"西藏中路", "福州路", "汉口路", "九江路", "云南中路", "广西北路", "北京东路", "宁波路"};

    private final SplittableRandom random;
    private final LocalDate date;
    private final List<double[]> roadPoints;

    /**
     * @param roadPoints WGS-84 [lat, lon] of road nodes that every travel mode can use, in a stable order
     */
    public DemoStreetGenerator(long seed, LocalDate date, List<double[]> roadPoints) {
        if (roadPoints.size() < 10) {
            throw new IllegalArgumentException("need road points to place homes on, got " + roadPoints.size());
        }
        this.random = new SplittableRandom(seed);
        this.date = date;
        this.roadPoints = roadPoints;
    }

    public ProblemDocument generate(DemoSize size) {
        List<LocationDoc> kitchenPlaces = new ArrayList<>();
        for (int k = 0; k < size.kitchens(); k++) {
            // One kitchen at the centre; more spread towards the edge, like a district's canteens.
            kitchenPlaces.add(k == 0 ? central(0.0) : central(0.3 + 0.6 * k / size.kitchens()));
        }
        LocationDoc serviceCentre = central(0.35);
        String elderFormat = size.elders() >= 1000 ? "E%04d" : "E%02d";

        List<ElderDoc> elders = new ArrayList<>();
        for (int i = 1; i <= size.elders(); i++) {
            ElderDoc elder = elder(String.format(elderFormat, i));
            if (size.careWorkers() > 0 && i % 7 == 0) {
                // Every seventh elder is paired (结对) with a care worker, for continuity of care.
                elder = new ElderDoc(elder.id(), elder.location(), elder.name(), elder.phone(), elder.address(),
                        elder.priorityClass(), elder.requiredWorkerGender(),
                        List.of(String.format("C%02d", i / 7 % size.careWorkers() + 1)), List.of());
            }
            elders.add(elder);
        }
        int[] lunchBoxes = new int[size.kitchens()];
        int[] dinnerBoxes = new int[size.kitchens()];
        List<DeliveryDoc> deliveries = new ArrayList<>();
        String orderFormat = size.elders() >= 1000 ? "O%04d" : "O%02d";
        int orders = 0;
        for (int i = 0; i < (size.kitchens() > 0 ? size.elders() : 0); i++) {
            int k = nearestKitchen(elders.get(i).location(), kitchenPlaces);
            String kitchenId = "K" + (k + 1);
            int count = random.nextInt(10) == 0 ? 2 : 1;
            lunchBoxes[k] += count;
            int startMinute = 11 * 60 + 15 * random.nextInt(3);     // 11:00, 11:15 or 11:30
            deliveries.add(new DeliveryDoc(String.format(orderFormat, ++orders), elders.get(i).id(), kitchenId,
                    kitchenId + "-LUNCH", count, List.of(window(startMinute, startMinute + 60)), 2));
        }
        int dinners = size.kitchens() == 0 ? 0 : (int) Math.round(size.elders() * size.dinnerShare());
        for (int i = 0; i < dinners; i++) {
            ElderDoc elder = elders.get(i * size.elders() / Math.max(1, dinners));
            int k = nearestKitchen(elder.location(), kitchenPlaces);
            String kitchenId = "K" + (k + 1);
            dinnerBoxes[k]++;
            int startMinute = 17 * 60 + 15 * random.nextInt(3);     // 17:00, 17:15 or 17:30
            deliveries.add(new DeliveryDoc(String.format(orderFormat, ++orders), elder.id(), kitchenId,
                    kitchenId + "-DINNER", 1, List.of(window(startMinute, startMinute + 60)), 2));
        }
        List<KitchenDoc> kitchens = new ArrayList<>();
        for (int k = 0; k < size.kitchens(); k++) {
            String id = "K" + (k + 1);
            List<KitchenDoc.BatchDoc> batches = new ArrayList<>();
            batches.add(new KitchenDoc.BatchDoc(id + "-LUNCH", at(10, 45), lunchBoxes[k]));
            if (dinnerBoxes[k] > 0) {
                batches.add(new KitchenDoc.BatchDoc(id + "-DINNER", at(16, 45), dinnerBoxes[k]));
            }
            kitchens.add(new KitchenDoc(id, kitchenPlaces.get(k), 5, 45, batches));
        }

        List<WorkerDoc> workers = new ArrayList<>();
        String carrierFormat = size.carriers() >= 100 ? "W%03d" : "W%02d";
        int eveningCarriers = dinners == 0 ? 0 : Math.max(1, (int) Math.round(size.carriers() * 0.375));
        for (int i = 1; i <= size.carriers(); i++) {
            boolean ebike = i <= Math.round(size.carriers() * 0.625);
            boolean volunteer = !ebike;
            LocationDoc kitchenPlace = kitchenPlaces.get((i - 1) % kitchenPlaces.size());
            LocationDoc home = volunteer ? nearRoad(roadPoints.get(random.nextInt(roadPoints.size())), 0, 0) : kitchenPlace;
            List<WindowDoc> shifts = i <= eveningCarriers
                    ? List.of(window(10 * 60 + 15, 13 * 60 + 15), window(16 * 60 + 30, 18 * 60 + 45))   // split shift
                    : List.of(window(10 * 60 + 15, 13 * 60 + 15));
            workers.add(new WorkerDoc(String.format(carrierFormat, i), volunteer ? WorkerRole.VOLUNTEER : WorkerRole.PROPERTY_STAFF,
                    ebike ? TravelMode.EBIKE : TravelMode.FOOT, random.nextBoolean() ? "F" : "M", home, home,
                    shifts, ebike ? 12 : 6, List.of(), volunteer ? 0.0 : 28.0, volunteer ? 3.0 : null, volunteer ? 2.0 : null));
        }
        String[][] skillSets = {{"BATHING", "CLEANING"}, {"BATHING"}, {"CLEANING", "REPAIR"}, {"MEDICAL_ESCORT", "BATHING"},
                {"BATHING", "MEDICAL_ESCORT"}, {"REPAIR"}};
        for (int i = 1; i <= size.careWorkers(); i++) {
            String[] skills = skillSets[(i - 1) % skillSets.length];
            List<WorkerDoc.SkillDoc> skillDocs = new ArrayList<>();
            for (String skill : skills) {
                // One bathing certificate has lapsed the month before: that worker may no longer bathe elders.
                LocalDate expires = skill.equals("BATHING") && i == 2 ? date.minusMonths(1) : date.plusYears(1);
                skillDocs.add(new WorkerDoc.SkillDoc(skill, expires));
            }
            workers.add(new WorkerDoc(String.format("C%02d", i), WorkerRole.CARE_WORKER,
                    i % 3 == 0 ? TravelMode.EBIKE : TravelMode.FOOT, i <= 4 ? "F" : "M", serviceCentre, serviceCentre,
                    List.of(window(8 * 60, 12 * 60), window(13 * 60, 17 * 60)), 0, skillDocs, 35.0, null, null));
        }

        List<VisitDoc> visits = new ArrayList<>();
        VisitType[] types = {VisitType.CHECK_IN, VisitType.CLEANING, VisitType.BATHING, VisitType.MEDICAL_ESCORT,
                VisitType.ERRAND, VisitType.REPAIR, VisitType.CHECK_IN, VisitType.CLEANING, VisitType.EMERGENCY};
        for (int i = 1; i <= size.visits(); i++) {
            VisitType type = types[(i - 1) % types.length];
            ElderDoc elder = elders.get(random.nextInt(elders.size()));
            // Bathing a disabled (bedridden) elder takes two workers at once; so does the day's first bathing visit,
            // so that every demo day shows one.
            int workersNeeded = type == VisitType.BATHING && (elder.priorityClassOrDefault() == PriorityClass.DISABLED || i == 3) ? 2 : 1;
            visits.add(visit(String.format(size.visits() >= 100 ? "V%03d" : "V%02d", i), elder, type, workersNeeded));
        }
        return new ProblemDocument(date, SHANGHAI.getId(), CoordinateSystemName.WGS84, kitchens, elders,
                workers, deliveries, visits);
    }

    private static int nearestKitchen(LocationDoc home, List<LocationDoc> kitchens) {
        int best = 0;
        for (int k = 1; k < kitchens.size(); k++) {
            if (squared(home, kitchens.get(k)) < squared(home, kitchens.get(best))) {
                best = k;
            }
        }
        return best;
    }

    private static double squared(LocationDoc a, LocationDoc b) {
        double dLat = a.lat() - b.lat();
        double dLon = (a.lon() - b.lon()) * Math.cos(Math.toRadians(a.lat()));
        return dLat * dLat + dLon * dLon;
    }

    private VisitDoc visit(String id, ElderDoc elder, VisitType type, int workersNeeded) {
        int duration = switch (type) {
            case CHECK_IN, EMERGENCY -> 30;
            case CLEANING -> 60;
            case BATHING -> 90;
            case MEDICAL_ESCORT -> 120;
            case ERRAND, REPAIR -> 45;
        };
        List<String> skills = switch (type) {
            case CLEANING -> List.of("CLEANING");
            case BATHING -> List.of("BATHING");
            case MEDICAL_ESCORT -> List.of("MEDICAL_ESCORT");
            case REPAIR -> List.of("REPAIR");
            default -> List.of();
        };
        List<WindowDoc> windows = switch (random.nextInt(3)) {
            case 0 -> List.of(window(8 * 60 + 30, 11 * 60 + 30));
            case 1 -> List.of(window(13 * 60 + 30, 16 * 60 + 30));
            default -> List.of(window(9 * 60, 11 * 60), window(14 * 60, 16 * 60));
        };
        boolean urgent = type == VisitType.EMERGENCY;
        return new VisitDoc(id, elder.id(), type, skills, duration, windows, urgent ? 5 : 1 + random.nextInt(4), urgent,
                workersNeeded, null);
    }

    private ElderDoc elder(String id) {
        PriorityClass priority = pick(new PriorityClass[] {PriorityClass.DISABLED, PriorityClass.VERY_OLD, PriorityClass.VERY_OLD,
                PriorityClass.ALONE, PriorityClass.ALONE, PriorityClass.EMPTY_NEST, PriorityClass.HARDSHIP,
                PriorityClass.REGULAR, PriorityClass.REGULAR, PriorityClass.VERY_OLD});
        String name = pick(SURNAMES) + pick(GIVEN);
        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        String address = "黄浦区" + pick(ROADS) + (1 + random.nextInt(400)) + "弄" + (1 + random.nextInt(30)) + "号";
        // Personal care for most women is asked to be given by women.
        String gender = random.nextInt(3) == 0 ? "F" : null;
        return new ElderDoc(id, nearRoad(roadPoints.get(random.nextInt(roadPoints.size())), 5, 30), name, phone, address,
                priority, gender, List.of(), List.of());
    }

    private LocationDoc central(double fraction) {
        return RoadPoints.central(roadPoints, fraction);
    }

    private LocationDoc nearRoad(double[] point, int minMetres, int maxMetres) {
        return RoadPoints.nearRoad(point, minMetres, maxMetres, random);
    }

    private OffsetDateTime at(int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI).toOffsetDateTime();
    }

    private WindowDoc window(int startMinute, int endMinute) {
        return new WindowDoc(at(startMinute / 60, startMinute % 60), at(endMinute / 60, endMinute % 60));
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
