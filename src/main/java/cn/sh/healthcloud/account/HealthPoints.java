package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

/**
 * Awards health points (健康积分) for self-monitoring, inside the transaction that stores what
 * earned them. Each award has a reference (a date, a week, a session) and is granted once.
 */
@ApplicationScoped
public class HealthPoints {

    static final String HOME_MEASUREMENT_DAY = "home-measurement-day";
    static final String HOME_BLOOD_PRESSURE_WEEK = "home-blood-pressure-week";
    static final String KIOSK_CHECK_UP = "kiosk-check-up";

    /** One award, granted once per (resident, reason, reference); positional ($n) for the SQL client. */
    static final String AWARD_SQL = """
            insert into health_points (resident_id, points, reason, reference) values ($1, $2, $3, $4)
            on conflict (resident_id, reason, reference) do nothing""";

    private final AccountConfig.Points rules;

    HealthPoints(AccountConfig config) {
        this.rules = config.points();
    }

    /** A home measurement earns the day's point, and completes a week of daily blood pressure if it is the last day. */
    Uni<Void> onHomeMeasurement(UUID residentId, MeasurementType type, OffsetDateTime takenAt) {
        LocalDate day = takenAt.atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate();
        Uni<Void> daily = award(residentId, rules.homeMeasurementDay(), HOME_MEASUREMENT_DAY, day.toString());
        if (type != MeasurementType.BLOOD_PRESSURE) {
            return daily;
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return daily.chain(() -> bloodPressureDaysInWeek(residentId, monday)).chain(days -> days == 7
                ? award(residentId, rules.homeBloodPressureWeek(), HOME_BLOOD_PRESSURE_WEEK, monday.toString())
                : Uni.createFrom().voidItem());
    }

    /** For kiosk ingestion: one award per kiosk session. */
    public Uni<Void> onKioskCheckUp(UUID residentId, UUID sessionId) {
        return award(residentId, rules.kioskCheckUp(), KIOSK_CHECK_UP, sessionId.toString());
    }

    private static Uni<Integer> bloodPressureDaysInWeek(UUID residentId, LocalDate monday) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select count(distinct (taken_at at time zone 'Asia/Shanghai')::date)::int from observation
                where resident_id = ?1 and type = 'blood-pressure' and source = 'HOME'
                  and taken_at >= ?2 and taken_at < ?3""", Integer.class)
                .setParameter(1, residentId)
                .setParameter(2, monday.atStartOfDay(ShanghaiTime.ZONE).toOffsetDateTime())
                .setParameter(3, monday.plusDays(7).atStartOfDay(ShanghaiTime.ZONE).toOffsetDateTime())
                .getSingleResult());
    }

    private static Uni<Void> award(UUID residentId, int points, String reason, String reference) {
        if (points == 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(AWARD_SQL.replace('$', '?'))
                .setParameter(1, residentId)
                .setParameter(2, points)
                .setParameter(3, reason)
                .setParameter(4, reference)
                .executeUpdate()).replaceWithVoid();
    }
}
