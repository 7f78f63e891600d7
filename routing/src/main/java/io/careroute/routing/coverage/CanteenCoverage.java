package io.careroute.routing.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.careroute.routing.matrix.BucketManyToMany;
import io.careroute.routing.matrix.SnapSeeds;
import io.careroute.routing.matrix.TravelBlock;
import io.careroute.routing.matrix.TravelMatrix;
import io.careroute.routing.network.GeoPoint;
import io.careroute.routing.network.PlaceSet;
import io.careroute.routing.network.RoadNetwork;
import io.careroute.routing.network.Snap;
import io.careroute.routing.network.TravelProfile;

/**
 * Walking coverage of community canteens: for every elder, the walk from home to the nearest canteen, and for every
 * canteen, how many elders live within each limit of it; from exact network times (elders x canteens on the foot
 * hierarchy), not from isochrone polygons, which only interpolate between road nodes and are for maps.
 */
public final class CanteenCoverage {

    private CanteenCoverage() {
    }

    /**
     * @param maxSnapMetres a home or canteen farther than this from any footpath is not routed
     * @param minutes       the walking limits to report, e.g. 10 and 15
     */
    public static CoverageReport of(RoadNetwork network, List<Site> canteens, List<Site> elders, double maxSnapMetres,
                                    int... minutes) {
        int[] limits = Arrays.stream(minutes).sorted().toArray();
        List<GeoPoint> points = new ArrayList<>();
        elders.forEach(e -> points.add(e.point()));
        canteens.forEach(c -> points.add(c.point()));
        PlaceSet places = network.place(TravelProfile.FOOT, points, maxSnapMetres);
        List<SnapSeeds> seeds = places.seeds();
        TravelBlock walks;
        try (BucketManyToMany search = new BucketManyToMany(network.contracted(TravelProfile.FOOT))) {
            walks = search.block(seeds.subList(0, elders.size()), seeds.subList(elders.size(), seeds.size()));
        }
        List<ElderReach> reach = new ArrayList<>();
        for (int e = 0; e < elders.size(); e++) {
            int best = -1;
            for (int c = 0; c < canteens.size(); c++) {
                int seconds = walks.seconds(e, c);
                if (seconds != TravelMatrix.UNREACHABLE && (best < 0 || seconds < walks.seconds(e, best))) {
                    best = c;
                }
            }
            double snap = snapMetres(places.snaps().get(e));
            reach.add(best < 0
                    ? new ElderReach(elders.get(e).id(), null, TravelMatrix.UNREACHABLE, TravelMatrix.UNREACHABLE,
                    places.onNetwork(e), snap)
                    : new ElderReach(elders.get(e).id(), canteens.get(best).id(), walks.seconds(e, best),
                    walks.metres(e, best), true, snap));
        }
        List<CanteenReach> perCanteen = new ArrayList<>();
        for (int c = 0; c < canteens.size(); c++) {
            List<Integer> within = new ArrayList<>();
            for (int limit : limits) {
                int count = 0;
                for (int e = 0; e < elders.size(); e++) {
                    int seconds = walks.seconds(e, c);
                    count += seconds != TravelMatrix.UNREACHABLE && seconds <= limit * 60 ? 1 : 0;
                }
                within.add(count);
            }
            int place = elders.size() + c;
            perCanteen.add(new CanteenReach(canteens.get(c).id(), places.onNetwork(place),
                    snapMetres(places.snaps().get(place)), List.copyOf(within)));
        }
        return new CoverageReport(Arrays.stream(limits).boxed().toList(), List.copyOf(reach), List.copyOf(perCanteen));
    }

    /** Metres from the point to the nearest footpath, to 0.1 m; infinite if there is none. */
    private static double snapMetres(Snap snap) {
        return snap.found() ? Math.round(snap.distanceMetres() * 10) / 10.0 : Double.POSITIVE_INFINITY;
    }
}
