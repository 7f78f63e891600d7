package io.careroute.planning.assemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.careroute.data.plan.PlanDocument.PlaceSnap;
import io.careroute.data.problem.PlaceCatalogue;
import io.careroute.routing.network.PlaceSet;
import io.careroute.routing.network.Snap;
import io.careroute.solver.domain.TravelMode;

/**
 * plan.json's {@code places}: how far every kitchen, home and worker start or end is from the road network of each
 * mode in use, so a dispatcher can see which coordinates were moved far onto a road (a likely wrong point or a
 * GCJ-02 point declared as WGS-84) before a carrier is sent there.
 */
public final class SnapReport {

    private SnapReport() {
    }

    public static List<PlaceSnap> of(PlaceCatalogue places, Map<TravelMode, PlaceSet> placeSets) {
        List<PlaceSnap> report = new ArrayList<>(places.size());
        for (int i = 0; i < places.size(); i++) {
            PlaceCatalogue.Place place = places.place(i);
            Map<TravelMode, Double> metres = new EnumMap<>(TravelMode.class);
            List<TravelMode> unrouted = new ArrayList<>();
            for (Map.Entry<TravelMode, PlaceSet> mode : placeSets.entrySet()) {
                Snap snap = mode.getValue().snaps().get(i);
                metres.put(mode.getKey(), snap.found() ? Math.round(snap.distanceMetres() * 10) / 10.0 : null);
                if (!mode.getValue().onNetwork(i)) {
                    unrouted.add(mode.getKey());
                }
            }
            report.add(new PlaceSnap(place.kind(), place.id(), place.field(), metres, unrouted));
        }
        return report;
    }
}
