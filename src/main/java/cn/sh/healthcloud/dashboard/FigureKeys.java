package cn.sh.healthcloud.dashboard;

import cn.sh.healthcloud.time.ShanghaiTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where the figures live in Redis. Counters are kept per Asia/Shanghai day, as hashes whose fields
 * read {@code scope|metric} (scope: a district code or {@code city}):
 * <ul>
 * <li>{@code hc:dash:settled}: the instant (epoch seconds) up to which the day hashes hold exactly
 * the database's counts;</li>
 * <li>{@code hc:dash:day:<date>}: those settled counts;</li>
 * <li>{@code hc:dash:live:<slice start>}: what replicas counted as data flowed, per time slice;
 * a figure is the settled count plus the live slices that start at or after the settled instant;</li>
 * <li>{@code hc:dash:residents:<date>:<scope>}: a HyperLogLog of the residents served;</li>
 * <li>{@code hc:dash:appointments:<date>}: appointment use of that day's slots, rewritten from the database;</li>
 * <li>{@code hc:dash:signings}: active family-doctor contracts, settled like the day hashes;</li>
 * <li>{@code hc:dash:kiosks} and {@code hc:dash:online:<district>}: the kiosks and those online;</li>
 * <li>{@code hc:dash:classes}: residents under a family-doctor contract by health class, per district
 * (of the contract's community centre) and for the city, rewritten from the database.</li>
 * </ul>
 */
final class FigureKeys {

    static final String PREFIX = "hc:dash:";
    static final String SETTLED = PREFIX + "settled";
    static final String SIGNINGS = PREFIX + "signings";
    static final String KIOSKS = PREFIX + "kiosks";
    static final String CLASSES = PREFIX + "classes";
    static final String LEASE = PREFIX + "reconciler";
    static final String CHANNEL = PREFIX + "changed";
    static final String CITY = "city";
    /** Day hashes, HyperLogLogs and appointment hashes outlive the 30-day window a little. */
    static final long DAY_TTL_SECONDS = Duration.ofDays(32).toSeconds();
    static final long LIVE_TTL_SECONDS = Duration.ofHours(1).toSeconds();

    private FigureKeys() {
    }

    static String day(LocalDate day) {
        return PREFIX + "day:" + day;
    }

    static String live(long sliceStart) {
        return PREFIX + "live:" + sliceStart;
    }

    static String residents(LocalDate day, String scope) {
        return PREFIX + "residents:" + day + ":" + scope;
    }

    static String appointments(LocalDate day) {
        return PREFIX + "appointments:" + day;
    }

    static String online(String district) {
        return PREFIX + "online:" + district;
    }

    static String field(String scope, String metric) {
        return scope + "|" + metric;
    }

    /** The start (epoch seconds) of the slice an instant falls in. */
    static long sliceStart(Instant at, Duration slice) {
        long length = slice.toSeconds();
        return Math.floorDiv(at.getEpochSecond(), length) * length;
    }

    static LocalDate dayOf(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ShanghaiTime.ZONE).toLocalDate();
    }

    static LocalDate dayOf(Instant at) {
        return at.atZone(ShanghaiTime.ZONE).toLocalDate();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ShanghaiTime.ZONE).toInstant();
    }

    /** Stations and kiosks are numbered within their district: "310110-0007", "K-310110-0007". */
    static String districtOf(String stationId) {
        return stationId == null || stationId.length() < 6 ? null : stationId.substring(0, 6);
    }
}
