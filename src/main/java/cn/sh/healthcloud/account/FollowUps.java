package cn.sh.healthcloud.account;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Follow-ups the signed family doctor records. The latest one is when the next falls due from
 * (README: the class's follow-up interval after it, or after the contract's start when there is none).
 */
@ApplicationScoped
public class FollowUps {

    private final DoctorAccess access;
    private final AccessLog accessLog;
    private final Pool pool;
    private final Clock clock;

    FollowUps(DoctorAccess access, AccessLog accessLog, Pool pool, Clock clock) {
        this.access = access;
        this.accessLog = accessLog;
        this.pool = pool;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<FollowUpView> record(Caller doctor, String residentId, FollowUpRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.date().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("date", "is in the future"));
        } else if (request.date().isBefore(ConditionService.EARLIEST)) {
            errors.add(new FieldError("date", "is before 1900"));
        }
        return access.signed(doctor, residentId).chain(signed -> {
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.ruleViolated("The follow-up is not valid", errors));
            }
            UUID id = UUID.randomUUID();
            String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            return accessLog.record(signed.residentId(), doctor, Roles.DOCTOR, "follow-up recorded", "family doctor")
                    .chain(() -> Panache.getSession())
                    .chain(session -> session.createNativeQuery("""
                            insert into follow_up (id, resident_id, practitioner_id, held_on, note, recorded_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                            .setParameter(1, id).setParameter(2, signed.residentId()).setParameter(3, signed.doctor().id)
                            .setParameter(4, request.date()).setParameter(5, note).setParameter(6, now)
                            .executeUpdate())
                    .map(n -> new FollowUpView(id, request.date(), note, now));
        });
    }

    /** The day of this resident's latest follow-up, or null. */
    Uni<LocalDate> lastOf(UUID residentId) {
        return pool.preparedQuery("select max(held_on) as last from follow_up where resident_id = $1")
                .execute(Tuple.of(residentId)).map(rows -> rows.iterator().next().getLocalDate("last"));
    }
}
