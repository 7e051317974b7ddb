package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.account.ResidentIds;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What happens to a booking after it is made: the resident reads, lists and cancels it (until the
 * cut-off); the station's staff check the resident in, or record a no-show once the slot started.
 * Someone else's booking is 404 to a resident, so ids reveal nothing.
 */
@ApplicationScoped
class AppointmentLifecycle {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Pool pool;
    private final ResidentIds residents;
    private final AvailabilityCache cache;
    private final AppointmentConfig config;
    private final Clock clock;

    AppointmentLifecycle(Pool pool, ResidentIds residents, AvailabilityCache cache, AppointmentConfig config,
            Clock clock) {
        this.pool = pool;
        this.residents = residents;
        this.cache = cache;
        this.config = config;
        this.clock = clock;
    }

    /** A booking with its owner, as loaded. */
    private record Owned(UUID residentId, AppointmentView view) {
    }

    Uni<AppointmentView> mine(String subject, String id) {
        return ownedBy(subject, id).map(Owned::view);
    }

    Uni<AppointmentPage> list(String subject, String when, String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        boolean past = "past".equals(when);
        if (when != null && !past && !"upcoming".equals(when)) {
            errors.add(new FieldError("when", "must be upcoming or past"));
        }
        int p = QueryParameters.wholeNumber("page", page, 0, 0, 10_000, errors);
        int s = QueryParameters.wholeNumber("size", size, 20, 1, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return residents.idOf(subject).chain(residentId -> pool
                .preparedQuery(past ? BookingStatements.PAST : BookingStatements.UPCOMING)
                .execute(Tuple.of(residentId, OffsetDateTime.now(clock), s + 1, p * s)))
                .map(rows -> {
                    List<AppointmentView> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(AppointmentView.of(row));
                    }
                    boolean more = items.size() > s;
                    return new AppointmentPage(more ? items.subList(0, s) : items, p, s, more);
                });
    }

    Uni<AppointmentView> cancel(String subject, String id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return ownedBy(subject, id).chain(owned -> {
            AppointmentView a = owned.view();
            checkStatus(a, "cancelled");
            OffsetDateTime cutoff = a.startsAt().minus(config.booking().cancelCutoff());
            if (!now.isBefore(cutoff)) {
                throw ProblemException.ruleViolated("Appointments can be cancelled until " + shown(cutoff),
                        List.of());
            }
            return pool.preparedQuery(BookingStatements.CANCEL).execute(Tuple.of(a.id(), now))
                    .invoke(rows -> {
                        if (rows.rowCount() == 0) {
                            throw ProblemException.conflict("The appointment changed meanwhile; read it again");
                        }
                    })
                    .call(() -> cache.invalidate(a.stationId(), a.service().id(), List.of(a.day())))
                    .chain(() -> reload(a.id()));
        });
    }

    Uni<AppointmentView> checkIn(Caller staff, String id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return byId(id).chain(owned -> {
            AppointmentView a = owned.view();
            StationStaff.checkWorksAt(staff, a.stationId());
            checkStatus(a, "checked in");
            if (!a.day().equals(LocalDate.now(clock.withZone(ShanghaiTime.ZONE)))) {
                throw ProblemException.ruleViolated("Residents check in on the day of their appointment (" + a.day() + ")",
                        List.of());
            }
            return transition(BookingStatements.CHECK_IN, a, now);
        });
    }

    Uni<AppointmentView> noShow(Caller staff, String id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return byId(id).chain(owned -> {
            AppointmentView a = owned.view();
            StationStaff.checkWorksAt(staff, a.stationId());
            checkStatus(a, "marked as a no-show");
            if (now.isBefore(a.startsAt())) {
                throw ProblemException.ruleViolated("A no-show can be recorded once the appointment has started ("
                        + shown(a.startsAt()) + ")", List.of());
            }
            return transition(BookingStatements.NO_SHOW, a, now);
        });
    }

    private Uni<AppointmentView> transition(String statement, AppointmentView a, OffsetDateTime now) {
        return pool.preparedQuery(statement).execute(Tuple.of(a.id(), now))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.conflict("The appointment changed meanwhile; read it again");
                    }
                })
                .chain(() -> reload(a.id()));
    }

    private static void checkStatus(AppointmentView a, String wanted) {
        if (a.status() != AppointmentStatus.BOOKED) {
            throw ProblemException.conflict("The appointment is " + a.status().id() + " and cannot be " + wanted);
        }
    }

    private Uni<Owned> ownedBy(String subject, String id) {
        return residents.existingIdOf(subject).chain(residentId -> byId(id).map(owned -> {
            if (!owned.residentId().equals(residentId)) {
                throw notFound();
            }
            return owned;
        }));
    }

    private Uni<Owned> byId(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound());
        }
        return pool.preparedQuery(BookingStatements.BY_ID).execute(Tuple.of(uuid)).map(rows -> {
            if (rows.size() == 0) {
                throw notFound();
            }
            Row row = rows.iterator().next();
            return new Owned(row.getUUID("resident_id"), AppointmentView.of(row));
        });
    }

    private Uni<AppointmentView> reload(UUID id) {
        return byId(id.toString()).map(Owned::view);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such appointment of yours");
    }

    private static String shown(OffsetDateTime t) {
        return AppointmentView.local(t).format(SHOWN) + " (Asia/Shanghai)";
    }
}
