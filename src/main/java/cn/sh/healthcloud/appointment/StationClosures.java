package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Closing days of a station (or of one of its services): in one transaction the closure is
 * recorded (later materialised slots are born closed), the slots are closed, and their bookings
 * are cancelled with the reason, giving their places back.
 */
@ApplicationScoped
class StationClosures {

    private static final String INSERT = """
            insert into appointment_closure (id, station_id, service, from_day, to_day, reason, created_by)
            values ($1, $2, $3, $4, $5, $6, $7)""";
    private static final String CLOSE_SLOTS = """
            update appointment_slot set closed_reason = $5
            where station_id = $1 and day between $2 and $3 and ($4::varchar is null or service = $4)
              and closed_reason is null""";
    // Cancelled bookings give their places back in the same statement, so the counts never drift.
    private static final String CANCEL_BOOKINGS = """
            with cancelled as (
                update appointment set status = 'CANCELLED_BY_STATION', cancelled_at = $5, cancel_reason = $6
                where station_id = $1 and day between $2 and $3 and ($4::varchar is null or service = $4)
                  and status = 'BOOKED'
                returning slot_id, referred_by, service, day),
            per_slot as (
                select slot_id, count(*) as n, count(referred_by) as referrals from cancelled group by slot_id)
            update appointment_slot s set booked = s.booked - p.n, referral_booked = s.referral_booked - p.referrals
            from per_slot p where s.id = p.slot_id
            returning s.service, s.day, p.n""";

    private final Pool pool;
    private final AvailabilityCache cache;
    private final Clock clock;

    StationClosures(Pool pool, AvailabilityCache cache, Clock clock) {
        this.pool = pool;
        this.cache = cache;
        this.clock = clock;
    }

    Uni<ClosureView> close(String stationId, ClosureRequest r, Caller caller) {
        StationStaff.checkMayManage(caller, stationId);
        if (r.to().isBefore(r.from())) {
            throw ProblemException.ruleViolated("The closure ends before it starts",
                    List.of(new FieldError("to", "is before from")));
        }
        UUID id = UUID.randomUUID();
        String service = r.service() == null ? null : r.service().id();
        String reason = r.reason().strip();
        Map<String, Set<LocalDate>> touched = new HashMap<>();
        return pool.withTransaction(sql -> sql.preparedQuery("select 1 from station where id = $1")
                .execute(Tuple.of(stationId))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No station with id " + stationId);
                    }
                })
                .chain(() -> sql.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(id).addString(stationId)
                        .addString(service).addLocalDate(r.from()).addLocalDate(r.to()).addString(reason)
                        .addString(caller.subject())))
                .chain(() -> sql.preparedQuery(CLOSE_SLOTS).execute(Tuple.of(stationId, r.from(), r.to(), service, reason)))
                .chain(closed -> sql.preparedQuery(CANCEL_BOOKINGS)
                        .execute(Tuple.of(stationId, r.from(), r.to(), service, OffsetDateTime.now(clock), reason))
                        .map(slots -> {
                            int cancelled = 0;
                            for (Row row : slots) {
                                cancelled += row.getInteger("n");
                            }
                            return new ClosureView(id, stationId, r.from(), r.to(), r.service(), reason, closed.rowCount(),
                                    cancelled);
                        })))
                .call(() -> {
                    // Every day of the range, for the services it concerns: closed slots change availability too.
                    for (var s : r.service() == null ? List.of(cn.sh.healthcloud.directory.CareService.values())
                            : List.of(r.service())) {
                        touched.computeIfAbsent(s.id(), k -> new TreeSet<>())
                                .addAll(r.from().datesUntil(r.to().plusDays(1)).limit(400).toList());
                    }
                    return Uni.join().all(touched.entrySet().stream()
                            .map(e -> cache.invalidate(stationId, e.getKey(), e.getValue())).toList())
                            .andFailFast().replaceWithVoid();
                });
    }
}
