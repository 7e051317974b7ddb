package cn.sh.healthcloud.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the views are built from, as read from Redis in one round trip: the settled day hashes, the
 * live slices, appointment use, active contracts, kiosks and the residents-served counts.
 *
 * @param settled      the settled instant (epoch seconds; 0 when nothing is settled)
 * @param days         settled counts per day, by {@code scope|metric}
 * @param live         live counts per slice start
 * @param appointments appointment use per day
 * @param signings     active contracts at the settled instant
 * @param kiosks       kiosk id to its JSON description
 * @param online       online kiosk ids per district
 * @param served       residents served per scope: today, the last 7 days, the last 30 days
 * @param classes      residents under contract by health class, as {@code scope|class}
 */
record FigureReadout(long settled, Map<LocalDate, Map<String, Long>> days, Map<Long, Map<String, Long>> live,
        Map<LocalDate, Map<String, Long>> appointments, Map<String, Long> signings, Map<String, String> kiosks,
        Map<String, Set<String>> online, Map<String, long[]> served, Map<String, Long> classes) {

    /** The counts of a day: settled, plus the live slices of that day not yet settled. */
    Map<String, Long> countsOf(LocalDate day) {
        Map<String, Long> counts = new HashMap<>(days.getOrDefault(day, Map.of()));
        live.forEach((slice, fields) -> {
            if (slice >= settled && FigureKeys.dayOf(slice).equals(day)) {
                fields.forEach((field, n) -> counts.merge(field, n, Long::sum));
            }
        });
        return counts;
    }

    /** Active contracts now: settled, plus those signed minus those ended in the live slices. */
    long activeSignings(String scope, boolean priority) {
        long total = signings.getOrDefault(FigureKeys.field(scope, priority ? Metric.TOTAL_PRIORITY : Metric.TOTAL), 0L);
        String signed = FigureKeys.field(scope, priority ? Metric.SIGNED_PRIORITY : Metric.SIGNED);
        String ended = FigureKeys.field(scope, priority ? Metric.ENDED_PRIORITY : Metric.ENDED);
        for (Map.Entry<Long, Map<String, Long>> slice : live.entrySet()) {
            if (slice.getKey() >= settled) {
                total += slice.getValue().getOrDefault(signed, 0L) - slice.getValue().getOrDefault(ended, 0L);
            }
        }
        return Math.max(0, total);
    }
}
