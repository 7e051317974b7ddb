package cn.sh.healthcloud.dashboard;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database's figures, the truth the Redis ones converge to. Each kind of row is counted by the
 * time the database gave it, in the half-open interval asked for, per Asia/Shanghai day and district.
 */
@ApplicationScoped
class FigureSource {

    private static final String DAY = "((%s) at time zone 'Asia/Shanghai')::date";

    private static final String READINGS = """
            select %s as day, left(station_id, 6) as district, count(*) as n
            from kiosk_reading where received_at >= $1 and received_at < $2 group by 1, 2""".formatted(DAY.formatted("received_at"));

    private static final String SERVED = """
            select distinct %s as day, left(station_id, 6) as district,
                   coalesce(resident_id, pending_subject_id)::text as subject
            from kiosk_reading where received_at >= $1 and received_at < $2 and subject_kind <> 'anonymous'"""
            .formatted(DAY.formatted("received_at"));

    private static final String ASSESSED = """
            select %s as day, left(k.station_id, 6) as district, m.kind,
                   count(*) as assessed, count(*) filter (where m.kind = any(s.abnormal_kinds)) as abnormal
            from kiosk_session s join kiosk k on k.id = s.kiosk_id cross join unnest(s.measured_kinds) as m(kind)
            where s.assessed_at >= $1 and s.assessed_at < $2 group by 1, 2, 3""".formatted(DAY.formatted("s.assessed_at"));

    private static final String ALERTS = """
            select %s as day, left(p.station_id, 6) as district, count(*) as n
            from alert a join practitioner p on p.id = a.practitioner_id
            where a.%s >= $1 and a.%s < $2 group by 1, 2""";

    private static final String HEALTH_CLASSES = """
            select left(c.community_centre_id, 6) as district, r.health_class, count(*) as n
            from family_doctor_contract c join resident_stratification r on r.resident_id = c.resident_id
            where c.ended_at is null group by 1, 2""";

    private static final String CONTRACTS = """
            select %s as day, left(community_centre_id, 6) as district, count(*) as n,
                   count(*) filter (where jsonb_array_length(coalesce(priority_groups -> 'groups', '[]'::jsonb)) > 0) as priority
            from family_doctor_contract where %s >= $1 and %s < $2 group by 1, 2""";

    private static final String ACTIVE_CONTRACTS = """
            select left(community_centre_id, 6) as district, count(*) as n,
                   count(*) filter (where jsonb_array_length(coalesce(priority_groups -> 'groups', '[]'::jsonb)) > 0) as priority
            from family_doctor_contract where signed_at < $1 and (ended_at is null or ended_at >= $1) group by 1""";

    private static final String SLOTS = """
            select day, left(station_id, 6) as district, service,
                   coalesce(sum(capacity) filter (where closed_reason is null), 0) as capacity, sum(booked) as booked
            from appointment_slot where day between $1 and $2 group by 1, 2, 3""";

    private static final String NO_SHOWS = """
            select day, left(station_id, 6) as district, service, count(*) as n
            from appointment where status = 'NO_SHOW' and day between $1 and $2 group by 1, 2, 3""";

    private static final String KIOSKS = """
            select k.id, k.station_id, k.state, s.name, s.lat, s.lon
            from kiosk k join station s on s.id = k.station_id where k.retired_at is null order by k.id""";

    /** A kiosk as the dashboards show it. */
    record KioskInfo(String id, String stationId, String stationName, double latitude, double longitude, boolean online) {

        String district() {
            return FigureKeys.districtOf(stationId);
        }

        String json() {
            return new JsonObject().put("id", id).put("stationId", stationId).put("stationName", stationName)
                    .put("latitude", latitude).put("longitude", longitude).encode();
        }
    }

    private final Pool pool;

    FigureSource(Pool pool) {
        this.pool = pool;
    }

    /** Every flow in [from, to), counted into the day hashes, and the residents served. */
    Uni<FigureDelta> flows(Instant from, Instant to) {
        FigureDelta delta = new FigureDelta();
        Tuple range = Tuple.of(at(from), at(to));
        Uni<Void> served = pool.preparedQuery(SERVED).execute(range).invoke(rows -> rows.forEach(row -> delta.served(
                row.getLocalDate("day"), row.getString("district"), row.getString("subject")))).replaceWithVoid();
        return pool.preparedQuery(READINGS).execute(range)
                .invoke(rows -> rows.forEach(row -> count(delta, row, Metric.READINGS, "n")))
                .chain(() -> pool.preparedQuery(ASSESSED).execute(range))
                .invoke(rows -> rows.forEach(row -> {
                    count(delta, row, Metric.assessed(row.getString("kind")), "assessed");
                    count(delta, row, Metric.abnormal(row.getString("kind")), "abnormal");
                }))
                .chain(() -> pool.preparedQuery(ALERTS.formatted(DAY.formatted("a.created_at"), "created_at", "created_at"))
                        .execute(range))
                .invoke(rows -> rows.forEach(row -> count(delta, row, Metric.ALERTS, "n")))
                .chain(() -> pool.preparedQuery(ALERTS.formatted(DAY.formatted("a.acknowledged_at"), "acknowledged_at",
                        "acknowledged_at")).execute(range))
                .invoke(rows -> rows.forEach(row -> count(delta, row, Metric.ACKNOWLEDGED, "n")))
                .chain(() -> pool.preparedQuery(CONTRACTS.formatted(DAY.formatted("signed_at"), "signed_at", "signed_at"))
                        .execute(range))
                .invoke(rows -> rows.forEach(row -> {
                    count(delta, row, Metric.SIGNED, "n");
                    count(delta, row, Metric.SIGNED_PRIORITY, "priority");
                }))
                .chain(() -> pool.preparedQuery(CONTRACTS.formatted(DAY.formatted("ended_at"), "ended_at", "ended_at"))
                        .execute(range))
                .invoke(rows -> rows.forEach(row -> {
                    count(delta, row, Metric.ENDED, "n");
                    count(delta, row, Metric.ENDED_PRIORITY, "priority");
                }))
                .chain(() -> served)
                .replaceWith(delta);
    }

    /** Active contracts at an instant, per district: fields TOTAL and TOTAL_PRIORITY of the signings hash. */
    Uni<FigureDelta> activeContracts(Instant at) {
        FigureDelta delta = new FigureDelta();
        return pool.preparedQuery(ACTIVE_CONTRACTS).execute(Tuple.of(at(at))).map(rows -> {
            rows.forEach(row -> delta.count(FigureKeys.SIGNINGS, row.getString("district"), Metric.TOTAL, row.getLong("n"))
                    .count(FigureKeys.SIGNINGS, row.getString("district"), Metric.TOTAL_PRIORITY, row.getLong("priority")));
            return delta;
        });
    }

    /** Capacity, bookings and no-shows of the slots of these days, per day, district and service. */
    Uni<FigureDelta> appointments(LocalDate first, LocalDate last) {
        FigureDelta delta = new FigureDelta();
        Tuple days = Tuple.of(first, last);
        return pool.preparedQuery(SLOTS).execute(days).invoke(rows -> rows.forEach(row -> {
            String key = FigureKeys.appointments(row.getLocalDate("day"));
            String service = row.getString("service");
            delta.count(key, row.getString("district"), Metric.CAPACITY + service, row.getLong("capacity"))
                    .count(key, row.getString("district"), Metric.BOOKED + service, row.getLong("booked"));
        })).chain(() -> pool.preparedQuery(NO_SHOWS).execute(days)).map(rows -> {
            rows.forEach(row -> delta.count(FigureKeys.appointments(row.getLocalDate("day")), row.getString("district"),
                    Metric.NO_SHOWS + row.getString("service"), row.getLong("n")));
            return delta;
        });
    }

    /**
     * Residents with an active contract by their stored health class, per district of the contract's
     * community centre and for the city, as {@code scope|class} fields. Names never leave the query.
     */
    Uni<Map<String, Long>> healthClasses() {
        return pool.query(HEALTH_CLASSES).execute().map(rows -> {
            Map<String, Long> counts = new TreeMap<>();
            rows.forEach(row -> {
                long n = row.getLong("n");
                counts.merge(FigureKeys.field(row.getString("district"), row.getString("health_class")), n, Long::sum);
                counts.merge(FigureKeys.field(FigureKeys.CITY, row.getString("health_class")), n, Long::sum);
            });
            return counts;
        });
    }

    Uni<List<KioskInfo>> kiosks() {
        return pool.query(KIOSKS).execute().map(rows -> {
            List<KioskInfo> kiosks = new ArrayList<>(rows.rowCount());
            rows.forEach(row -> kiosks.add(new KioskInfo(row.getString("id"), row.getString("station_id"),
                    row.getString("name"), row.getDouble("lat"), row.getDouble("lon"), "online".equals(row.getString("state")))));
            return kiosks;
        });
    }

    private static void count(FigureDelta delta, Row row, String metric, String column) {
        delta.count(FigureKeys.day(row.getLocalDate("day")), row.getString("district"), metric, row.getLong(column));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
