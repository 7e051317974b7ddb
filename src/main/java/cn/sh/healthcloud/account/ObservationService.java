package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.Component;
import cn.sh.healthcloud.measurement.MeasurementReader;
import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A resident's own measurements: adding home readings, listing, and daily trends. */
@ApplicationScoped
public class ObservationService {

    /** Clocks of phones and home devices drift; a reading "from the future" beyond this is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00+08:00");

    private final AccountService accounts;
    private final ObservationRepository observations;
    private final ObservationQueries queries;
    private final HealthPoints points;
    private final Alerts alerts;
    private final Clock clock;

    ObservationService(AccountService accounts, ObservationRepository observations, ObservationQueries queries,
            HealthPoints points, Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.accounts = accounts;
        this.observations = observations;
        this.queries = queries;
        this.points = points;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ObservationView> addHomeMeasurement(String subject, HomeMeasurementRequest request) {
        MeasurementReader.Result read = MeasurementReader.read(request.measurement());
        List<FieldError> errors = new ArrayList<>();
        read.problems().forEach(p -> errors.add(new FieldError("measurement." + p.field(), p.message())));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (request.takenAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("takenAt", "is in the future"));
        } else if (request.takenAt().isBefore(EARLIEST)) {
            errors.add(new FieldError("takenAt", "is before 2000"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.ruleViolated("The measurement is not plausible", errors));
        }
        return accounts.accountOf(subject).chain(resident -> {
            Observation observation = new Observation();
            observation.id = UUID.randomUUID();
            observation.residentId = resident.id;
            observation.type = read.measurement().type();
            observation.takenAt = request.takenAt();
            observation.source = ObservationSource.HOME;
            observation.sourceRef = request.device() == null ? null : request.device().strip();
            observation.measurement = ObservationValues.of(read.measurement());
            return observations.persist(observation).call(() -> observations.flush())
                    .call(saved -> points.onHomeMeasurement(resident.id, saved.type, saved.takenAt))
                    .call(saved -> alerts.raiseIfUrgent(resident.id, saved.id, read.measurement()));
        }).map(ObservationView::of);
    }

    /** One of the caller's own observations; someone else's id is "not found", never "forbidden". */
    @WithTransaction
    public Uni<ObservationView> one(String subject, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("No such observation"));
        }
        return accounts.accountOf(subject)
                .chain(resident -> observations.findById(uuid)
                        .map(found -> found != null && found.residentId.equals(resident.id) ? found : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such observation"))
                .map(ObservationView::of);
    }

    /** The raw query parameters, validated here so every bad one is reported. */
    public record ListParams(String type, String from, String to, String page, String size) {
    }

    /** The hot read: no transaction, no account creation (a resident with no account has no observations). */
    public Uni<ObservationPage> list(String subject, ListParams params) {
        List<FieldError> errors = new ArrayList<>();
        MeasurementType type = parseType(params.type(), false, errors);
        OffsetDateTime from = parseTime("from", params.from(), EARLIEST, errors);
        OffsetDateTime to = parseTime("to", params.to(), OffsetDateTime.now(clock).plusYears(1), errors);
        int page = QueryParameters.wholeNumber("page", params.page(), 0, 0, 100_000, errors);
        int size = QueryParameters.wholeNumber("size", params.size(), 20, 1, 100, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("Some parameters are invalid", errors));
        }
        // One more than the page holds tells whether there is a next page, without counting.
        return queries.page(subject, type, from, to, page * size, size + 1)
                .map(found -> new ObservationPage(found.stream().limit(size).map(ObservationView::of).toList(), page,
                        size, found.size() > size));
    }

    @WithTransaction
    public Uni<TrendView> trend(String subject, String typeParam, String daysParam) {
        List<FieldError> errors = new ArrayList<>();
        MeasurementType type = parseType(typeParam, true, errors);
        int days = QueryParameters.wholeNumber("days", daysParam, 90, 1, 366, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("Some parameters are invalid", errors));
        }
        LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        LocalDate first = today.minusDays(days - 1L);
        OffsetDateTime from = first.atStartOfDay(ShanghaiTime.ZONE).toOffsetDateTime();
        OffsetDateTime to = today.plusDays(1).atStartOfDay(ShanghaiTime.ZONE).toOffsetDateTime();
        return accounts.accountOf(subject)
                .chain(resident -> observations.ofTypeBetween(resident.id, type, from, to))
                .map(found -> new TrendView(type, first, today, units(type), daily(type, found)));
    }

    private static List<TrendView.Day> daily(MeasurementType type, List<Observation> found) {
        Map<LocalDate, List<Observation>> byDay = new TreeMap<>();
        for (Observation o : found) {
            LocalDate day = ZonedDateTime.ofInstant(o.takenAt.toInstant(), ShanghaiTime.ZONE).toLocalDate();
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(o);
        }
        List<TrendView.Day> days = new ArrayList<>();
        byDay.forEach((day, list) -> {
            Map<String, TrendView.Stats> values = new LinkedHashMap<>();
            for (Component component : type.components()) {
                if (component.isCoded()) {
                    continue;
                }
                DoubleSummaryStatistics stats = list.stream()
                        .map(o -> o.measurement.numbers().get(component.name()))
                        .filter(java.util.Objects::nonNull)
                        .mapToDouble(Double::doubleValue).summaryStatistics();
                if (stats.getCount() > 0) {
                    values.put(component.name(), new TrendView.Stats(round(stats.getAverage()), stats.getMin(), stats.getMax()));
                }
            }
            days.add(new TrendView.Day(day, list.size(), values));
        });
        return days;
    }

    private static Map<String, String> units(MeasurementType type) {
        Map<String, String> units = new LinkedHashMap<>();
        type.components().stream().filter(c -> !c.isCoded()).forEach(c -> units.put(c.name(), c.unit()));
        return units;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static MeasurementType parseType(String value, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError("type", "is required"));
            }
            return null;
        }
        MeasurementType type = MeasurementType.byId(value).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "is not a known measurement type"));
        }
        return type;
    }

    private static OffsetDateTime parseTime(String name, String value, OffsetDateTime fallback, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-22T00:00:00+08:00"));
            return fallback;
        }
    }

}
