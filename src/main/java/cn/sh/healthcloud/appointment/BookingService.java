package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.account.ResidentIds;
import cn.sh.healthcloud.account.SignedResidents;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.ProblemKind;
import cn.sh.healthcloud.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Booking a slot: for oneself (resident) or, from the referral quota, for a signed resident
 * (family doctor). The hot path is a Redis INCR (rate limit) and one SQL statement
 * ({@link BookingStatements#BOOK}); only a refusal costs more, to say exactly why.
 */
@ApplicationScoped
class BookingService {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ONE_ACTIVE_PER_DAY = "appointment_one_active_per_service_day";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Pool pool;
    private final ResidentIds residents;
    private final SignedResidents signed;
    private final BookingRateLimiter rateLimiter;
    private final AvailabilityCache cache;
    private final AppointmentConfig config;
    private final Clock clock;

    BookingService(Pool pool, ResidentIds residents, SignedResidents signed, BookingRateLimiter rateLimiter,
            AvailabilityCache cache, AppointmentConfig config, Clock clock) {
        this.pool = pool;
        this.residents = residents;
        this.signed = signed;
        this.rateLimiter = rateLimiter;
        this.cache = cache;
        this.config = config;
        this.clock = clock;
    }

    Uni<BookingResult> book(String subject, BookingRequest request, String idempotencyKey) {
        String key = checkedKey(idempotencyKey);
        return rateLimiter.attempt(subject)
                .chain(() -> residents.idOf(subject))
                .chain(residentId -> attempt(new Attempt(subject, residentId, request.slotId(), key,
                        hash("book", request.slotId(), null), null)));
    }

    Uni<BookingResult> refer(Caller doctor, ReferralRequest request, String idempotencyKey) {
        String key = checkedKey(idempotencyKey);
        return rateLimiter.attempt(doctor.subject())
                .chain(() -> signed.practitionerSignedWith(doctor.subject(), request.residentId()))
                .onItem().ifNull().failWith(() -> ProblemException.forbidden(
                        "Referral places are booked only for residents signed with you"))
                .chain(practitionerId -> attempt(new Attempt(doctor.subject(), request.residentId(), request.slotId(),
                        key, hash("refer", request.slotId(), request.residentId()), practitionerId)));
    }

    /** One booking attempt; {@code referredBy} is set for a referral. */
    private record Attempt(String caller, UUID residentId, long slotId, String key, String hash, UUID referredBy) {
    }

    private Uni<BookingResult> attempt(Attempt a) {
        UUID appointmentId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Tuple params = Tuple.tuple().addUUID(a.residentId()).addLong(a.slotId()).addUUID(appointmentId)
                .addOffsetDateTime(now).addString(a.key()).addString(a.caller()).addString(a.hash())
                .addInteger(config.noShow().limit()).addOffsetDateTime(now.minus(config.noShow().window()))
                .addOffsetDateTime(now.minus(config.noShow().suspension())).addUUID(a.referredBy())
                .addBoolean(a.referredBy() != null);
        return pool.preparedQuery(BookingStatements.BOOK).execute(params)
                .onFailure(BookingService::isSecondBookingOfTheDay).transform(e -> new ProblemException(
                        ProblemKind.ALREADY_BOOKED,
                        "There is already an active booking for this service on that day; cancel it first"))
                .chain(rows -> {
                    if (rows.size() == 1) {
                        AppointmentView booked = AppointmentView.of(rows.iterator().next());
                        return cache.invalidate(booked.stationId(), booked.service().id(), List.of(booked.day()))
                                .replaceWith(new BookingResult(booked, false));
                    }
                    return refused(a, appointmentId, now);
                })
                .onFailure(ProblemException.class).call(e -> a.key() == null
                        ? Uni.createFrom().voidItem()
                        : remember(a, appointmentId, now, (ProblemException) e));
    }

    /** Nothing was booked: a replay of the key, or a rule; says which. */
    private Uni<BookingResult> refused(Attempt a, UUID appointmentId, OffsetDateTime now) {
        Uni<BookingResult> replay = a.key() == null ? Uni.createFrom().nullItem()
                : pool.preparedQuery(BookingStatements.REQUEST).execute(Tuple.of(a.caller(), a.key()))
                        .chain(rows -> rows.size() == 0 || rows.iterator().next().getUUID("appointment_id").equals(appointmentId)
                                ? Uni.createFrom().<BookingResult>nullItem()
                                : replay(a, rows.iterator().next()));
        return replay.onItem().ifNull().switchTo(() -> pool.preparedQuery(BookingStatements.DIAGNOSE)
                .execute(Tuple.of(a.slotId(), a.residentId(), now.minus(config.noShow().window())))
                .map(rows -> {
                    throw why(rows, a, now);
                }));
    }

    private Uni<BookingResult> replay(Attempt a, Row request) {
        if (!request.getString("request_hash").equals(a.hash())) {
            return Uni.createFrom().failure(new ReplayedProblem(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different booking request; use a new key for a new request"));
        }
        if (request.getValue("outcome_status") != null) {
            return Uni.createFrom().failure(new ReplayedProblem(ProblemKind.valueOf(request.getString("outcome_kind")),
                    request.getString("outcome_detail")));
        }
        return pool.preparedQuery(BookingStatements.BY_ID).execute(Tuple.of(request.getUUID("appointment_id")))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new ReplayedProblem(ProblemKind.REQUEST_IN_PROGRESS,
                                "The first request with this Idempotency-Key has not finished; retry in a moment");
                    }
                    return new BookingResult(AppointmentView.of(rows.iterator().next()), true);
                });
    }

    private ProblemException why(RowSet<Row> rows, Attempt a, OffsetDateTime now) {
        if (rows.size() == 0) {
            return ProblemException.notFound("No slot with id " + a.slotId());
        }
        Row slot = rows.iterator().next();
        if (slot.getString("closed_reason") != null) {
            return notBookable("The slot is closed: " + slot.getString("closed_reason"));
        }
        if (!slot.getOffsetDateTime("starts_at").isAfter(now)) {
            return notBookable("The slot has already started");
        }
        if (now.isBefore(slot.getOffsetDateTime("booking_opens_at"))) {
            return notBookable("Booking for this slot opens at " + shown(slot.getOffsetDateTime("booking_opens_at")));
        }
        if (!now.isBefore(slot.getOffsetDateTime("booking_closes_at"))) {
            return notBookable("Booking for this slot closed at " + shown(slot.getOffsetDateTime("booking_closes_at")));
        }
        OffsetDateTime last = slot.getOffsetDateTime("last_no_show");
        if (slot.getLong("no_shows") >= config.noShow().limit() && last != null
                && last.plus(config.noShow().suspension()).isAfter(now)) {
            return new ProblemException(ProblemKind.BOOKING_SUSPENDED, "After " + slot.getLong("no_shows")
                    + " missed appointments, booking is suspended until " + shown(last.plus(config.noShow().suspension())));
        }
        return new ProblemException(ProblemKind.SLOT_FULL, a.referredBy() == null
                ? "No place is left in this slot"
                : "No referral place is left in this slot");
    }

    private Uni<Void> remember(Attempt a, UUID appointmentId, OffsetDateTime now, ProblemException e) {
        // Replays and passing states are not outcomes of this request; a missing slot may yet appear.
        if (e instanceof ReplayedProblem || e.kind() == ProblemKind.REQUEST_IN_PROGRESS
                || e.kind() == ProblemKind.TOO_MANY_REQUESTS) {
            return Uni.createFrom().voidItem();
        }
        Tuple params = Tuple.tuple().addString(a.caller()).addString(a.key()).addString(a.hash()).addUUID(appointmentId)
                .addOffsetDateTime(now).addShort((short) e.kind().status()).addString(e.kind().name())
                .addString(truncate(e.getMessage()));
        return pool.preparedQuery(BookingStatements.RECORD_OUTCOME).execute(params).replaceWithVoid();
    }

    /** The answer of an earlier request with the same key: given again, never recorded again. */
    static final class ReplayedProblem extends ProblemException {
        ReplayedProblem(ProblemKind kind, String detail) {
            super(kind, detail);
        }
    }

    private static ProblemException notBookable(String detail) {
        return new ProblemException(ProblemKind.SLOT_NOT_BOOKABLE, detail);
    }

    private static boolean isSecondBookingOfTheDay(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && ONE_ACTIVE_PER_DAY.equals(pg.getConstraint());
    }

    private static String checkedKey(String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("The Idempotency-Key header is invalid",
                    List.of(new FieldError("Idempotency-Key", "must be 1 to 100 visible ASCII characters")));
        }
        return key;
    }

    private static String hash(String kind, long slotId, UUID residentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ':' + slotId + ':' + residentId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shown(OffsetDateTime t) {
        return AppointmentView.local(t).format(SHOWN) + " (Asia/Shanghai)";
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
