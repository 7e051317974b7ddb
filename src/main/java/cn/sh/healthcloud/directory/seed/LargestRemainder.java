package cn.sh.healthcloud.directory.seed;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Splits a whole number of facilities across districts or centres in proportion to weights, summing exactly
 * to the total (Hamilton's method); ties go to the earlier index so the split never depends on sort stability.
 */
final class LargestRemainder {

    private LargestRemainder() {}

    /** Every share gets {@code minimumEach} first; the rest is split by weight. */
    static int[] split(int total, double[] weights, int minimumEach) {
        int n = weights.length;
        int rest = total - n * minimumEach;
        if (n == 0 || rest < 0) {
            throw new IllegalArgumentException("cannot split " + total + " into " + n + " shares of at least "
                    + minimumEach);
        }
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] shares = new int[n];
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = rest * weights[i] / sum;
            int floor = (int) Math.floor(exact);
            shares[i] = minimumEach + floor;
            remainders[i] = exact - floor;
            given += floor;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparing(i -> i));
        for (int k = 0; k < rest - given; k++) {
            shares[order[k]]++;
        }
        return shares;
    }
}
