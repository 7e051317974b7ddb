package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import java.util.List;

/**
 * The mean of one field over a session's readings, rounded to one decimal so that the value
 * printed is exactly the value judged.
 */
final class Mean {

    private Mean() {
    }

    /** NaN when no reading has the field. */
    static double of(List<Measurement> readings, String field) {
        double mean = readings.stream().flatMap(m -> m.number(field).stream())
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return Double.isNaN(mean) ? mean : ValueText.rounded(mean, 1);
    }

    static long count(List<Measurement> readings, String field) {
        return readings.stream().filter(m -> m.number(field).isPresent()).count();
    }
}
