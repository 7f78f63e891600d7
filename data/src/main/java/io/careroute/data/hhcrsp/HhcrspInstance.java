package io.careroute.data.hhcrsp;

import java.util.Arrays;

/**
 * A Mankowska et al. (2014) home-care instance (HHCRSP) as read from the text layout of
 * {@code ../shared/data/hhcrsp/README.md}. Node 0 is the depot (route start), nodes 1..n the patients, node n+1 the
 * depot again (route end). Times are minutes; distance equals travel time.
 *
 * @param name          the file name without extension, e.g. InstanzCPLEX_HCSRP_10_1
 * @param nodes         n + 2
 * @param caregivers    number of caregivers (vehicles)
 * @param services      number of service types
 * @param requires      [node][service] 1 if the patient needs the service
 * @param doubleService [node] true for a double-service patient (from the 1-based {@code DS} block)
 * @param qualified     [caregiver][service] 1 if the caregiver may give the service
 * @param distance      [node][node] travel distance = travel time
 * @param processing    [node][caregiver][service] processing time
 * @param minGap        [node] double service: least minutes between the two starts (0 with maxGap 0: together)
 * @param maxGap        [node] double service: most minutes between the two starts
 * @param windowStart   [node] earliest service start
 * @param windowEnd     [node] service start after it is tardiness
 */
public record HhcrspInstance(String name, int nodes, int caregivers, int services, int[][] requires,
                             boolean[] doubleService, int[][] qualified, double[][] distance, double[][][] processing,
                             double[] minGap, double[] maxGap, double[] windowStart, double[] windowEnd) {

    public int patients() {
        return nodes - 2;
    }

    /** The services node {@code patient} needs, in ascending order (one, or two for a double service). */
    public int[] servicesOf(int patient) {
        return Arrays.stream(range(services)).filter(s -> requires[patient][s] == 1).toArray();
    }

    public boolean isQualified(int caregiver, int service) {
        return qualified[caregiver][service] == 1;
    }

    /** A double service whose two parts start together (mind = maxd = 0). */
    public boolean simultaneous(int patient) {
        return minGap[patient] == 0 && maxGap[patient] == 0;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }
}
