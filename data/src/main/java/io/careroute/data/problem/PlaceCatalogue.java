package io.careroute.data.problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers every place of a problem (kitchens, homes, worker starts and ends) so the solver can look travel up by
 * index. Each place remembers the document field it came from, so a place that cannot be routed is reported there.
 */
public final class PlaceCatalogue {

    /** What a place is: a kitchen, an elder's home, or where a worker starts or ends the day. */
    public enum Kind { KITCHEN, ELDER, WORKER_START, WORKER_END }

    /**
     * One place: where in the document it is given, whose it is ({@code id} of the kitchen, elder or worker), and
     * its location as given (in the document's system).
     */
    public record Place(String field, Kind kind, String id, LocationDoc location) {
    }

    private final List<Place> places = new ArrayList<>();
    private final Map<String, Integer> kitchens = new HashMap<>();
    private final Map<String, Integer> elders = new HashMap<>();
    private final Map<String, Integer> workerStarts = new HashMap<>();
    private final Map<String, Integer> workerEnds = new HashMap<>();

    /** Expects a validated problem. */
    public static PlaceCatalogue of(ProblemDocument problem) {
        PlaceCatalogue catalogue = new PlaceCatalogue();
        List<KitchenDoc> kitchens = problem.kitchensOrEmpty();
        for (int i = 0; i < kitchens.size(); i++) {
            catalogue.kitchens.put(kitchens.get(i).id(), catalogue.add("kitchens[" + i + "].location", Kind.KITCHEN, kitchens.get(i).id(), kitchens.get(i).location()));
        }
        List<ElderDoc> elders = problem.eldersOrEmpty();
        for (int i = 0; i < elders.size(); i++) {
            catalogue.elders.put(elders.get(i).id(), catalogue.add("elders[" + i + "].location", Kind.ELDER, elders.get(i).id(), elders.get(i).location()));
        }
        List<WorkerDoc> workers = problem.workersOrEmpty();
        for (int i = 0; i < workers.size(); i++) {
            WorkerDoc w = workers.get(i);
            int start = catalogue.add("workers[" + i + "].start", Kind.WORKER_START, w.id(), w.start());
            catalogue.workerStarts.put(w.id(), start);
            catalogue.workerEnds.put(w.id(), w.end() == null ? start : catalogue.add("workers[" + i + "].end", Kind.WORKER_END, w.id(), w.end()));
        }
        return catalogue;
    }

    private int add(String field, Kind kind, String id, LocationDoc location) {
        places.add(new Place(field, kind, id, location));
        return places.size() - 1;
    }

    public List<Place> places() {
        return List.copyOf(places);
    }

    public int size() {
        return places.size();
    }

    public Place place(int index) {
        return places.get(index);
    }

    public int kitchen(String id) {
        return kitchens.get(id);
    }

    public int elder(String id) {
        return elders.get(id);
    }

    public int workerStart(String id) {
        return workerStarts.get(id);
    }

    public int workerEnd(String id) {
        return workerEnds.get(id);
    }
}
