package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.questionnaire.AnswerError;
import cn.sh.healthcloud.assessment.questionnaire.FilledFrom;
import cn.sh.healthcloud.assessment.questionnaire.MeasuredAnswers;
import cn.sh.healthcloud.assessment.questionnaire.Questionnaire;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireCatalogue;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireResult;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Questionnaire responses in a resident's account: answering (validated, scored against the
 * shipped definition, stored with its result, the family doctor alerted at once when an answer
 * calls for it), and reading them back, by the resident or, through {@link DoctorService}, by
 * their signed family doctor.
 */
@ApplicationScoped
public class QuestionnaireResponseService {

    /** A measurement older than this is not used to fill an item: a risk score wants today's waist. */
    static final Duration MEASUREMENTS_WITHIN = Duration.ofDays(365);

    /** What the items filled from measurements ({@link FilledFrom}) can be filled from. */
    private static final Set<MeasurementType> MEASURED_TYPES = EnumSet.of(MeasurementType.BLOOD_PRESSURE,
            MeasurementType.WAIST_HIP, MeasurementType.BODY_COMPOSITION, MeasurementType.HEIGHT_WEIGHT);

    private static final Sort NEWEST_FIRST = Sort.by("answeredAt", Sort.Direction.Descending)
            .and("id", Sort.Direction.Descending);

    private final AccountService accounts;
    private final QuestionnaireResponseRepository responses;
    private final ObservationRepository observations;
    private final Alerts alerts;
    private final QuestionnaireCatalogue catalogue;
    private final Pool pool;
    private final Clock clock;

    QuestionnaireResponseService(AccountService accounts, QuestionnaireResponseRepository responses,
            ObservationRepository observations, Alerts alerts, QuestionnaireCatalogue catalogue, Pool pool, Clock clock) {
        this.accounts = accounts;
        this.responses = responses;
        this.observations = observations;
        this.alerts = alerts;
        this.catalogue = catalogue;
        this.pool = pool;
        this.clock = clock;
    }

    @ApplicationScoped
    static class QuestionnaireResponseRepository implements PanacheRepositoryBase<QuestionnaireResponse, UUID> {
    }

    /** The raw query parameters of a listing, validated here so every bad one is reported. */
    public record ListParams(String questionnaire, String page, String size) {
    }

    /** A validated listing: an optional questionnaire id, a page and its size. */
    record Listing(String questionnaireId, int page, int size) {
    }

    /**
     * Answers a questionnaire: items the resident left out that the definition fills from the ID card
     * or a measurement are filled from their account; everything is validated before anything is
     * written, so bad answers change nothing (not even a first visit's account).
     */
    @WithTransaction
    public Uni<QuestionnaireResponseView> answer(String subject, String questionnaireId,
            QuestionnaireAnswersRequest request) {
        Questionnaire questionnaire;
        try {
            questionnaire = definition(questionnaireId, request.version());
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        request.answers().forEach((item, answer) -> {
            if (answer != null) {
                given.put(item, answer);
            }
        });
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return accounts.accountOf(subject).chain(resident -> measured(questionnaire, resident, now).chain(filled -> {
            Map<String, Object> measured = new LinkedHashMap<>(filled);
            measured.keySet().removeAll(given.keySet());
            QuestionnaireAnswers answers = new QuestionnaireAnswers(given, measured);
            List<AnswerError> errors = questionnaire.validate(answers.all());
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.ruleViolated(
                        "The answers are incomplete or invalid",
                        errors.stream().map(e -> new FieldError(e.field(), e.message())).toList()));
            }
            QuestionnaireResult result = questionnaire.score(answers.all());
            QuestionnaireResponse response = new QuestionnaireResponse();
            response.id = UUID.randomUUID();
            response.residentId = resident.id;
            response.questionnaireId = questionnaire.id();
            response.version = questionnaire.version();
            response.answers = answers;
            response.score = result.score();
            response.band = result.band().code();
            response.level = ReportLevel.valueOf(result.level().name());
            response.prescriptions = QuestionnairePrescriptions.of(result.prescriptions());
            response.urgent = result.urgent();
            response.source = QuestionnaireResponse.FROM_APP;
            response.answeredAt = now;
            // Flushed first: the alert refers to the response row.
            return responses.persistAndFlush(response)
                    .call(saved -> alerts.raiseForQuestionnaire(resident.id, saved.id, result.urgentFindings())
                            .invoke(alerted -> saved.familyDoctorAlerted = alerted))
                    .call(responses::flush)
                    .map(saved -> QuestionnaireResponseView.of(saved, questionnaire));
        }));
    }

    @WithTransaction
    public Uni<QuestionnaireResponsePage> mine(String subject, ListParams params) {
        Listing listing;
        try {
            listing = listing(params);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return accounts.accountOf(subject).chain(resident -> ofResident(resident.id, listing));
    }

    /** One of the caller's responses; someone else's id is "not found", as with reports and observations. */
    @WithTransaction
    public Uni<QuestionnaireResponseView> one(String subject, String id) {
        return accounts.accountOf(subject).chain(resident -> oneOf(resident.id, id));
    }

    /** Validates a listing's parameters (400 naming each bad one). */
    Listing listing(ListParams params) {
        List<FieldError> errors = new ArrayList<>();
        String questionnaire = params.questionnaire();
        if (questionnaire != null && catalogue.versions(questionnaire).isEmpty()) {
            errors.add(new FieldError("questionnaire", "is not a known questionnaire"));
        }
        int page = QueryParameters.wholeNumber("page", params.page(), 0, 0, 100_000, errors);
        int size = QueryParameters.wholeNumber("size", params.size(), 20, 1, 100, errors);
        QueryParameters.rejectIfAny(errors);
        return new Listing(questionnaire, page, size);
    }

    /** A resident's responses, newest first; call inside a transaction (the doctor's logs the access). */
    Uni<QuestionnaireResponsePage> ofResident(UUID residentId, Listing listing) {
        int p = listing.page();
        int s = listing.size();
        var query = listing.questionnaireId() == null
                ? responses.find("residentId = ?1", NEWEST_FIRST, residentId)
                : responses.find("residentId = ?1 and questionnaireId = ?2", NEWEST_FIRST, residentId,
                        listing.questionnaireId());
        // One more than the page holds tells whether there is a next page, without counting.
        return query.range(p * s, p * s + s).list().map(found -> new QuestionnaireResponsePage(
                found.stream().limit(s).map(this::view).toList(), p, s, found.size() > s));
    }

    /** One response of this resident; any other id, or a malformed one, is "not found". */
    Uni<QuestionnaireResponseView> oneOf(UUID residentId, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound());
        }
        return responses.findById(uuid).map(r -> r != null && r.residentId.equals(residentId) ? r : null)
                .onItem().ifNull().failWith(QuestionnaireResponseService::notFound)
                .map(this::view);
    }

    /** The latest result of each questionnaire the resident answered, newest first, for GET /api/me. */
    Uni<List<QuestionnaireResultSummary>> latestResults(UUID residentId) {
        return pool.preparedQuery("""
                select distinct on (questionnaire_id) id, questionnaire_id, version, score, band, level, urgent, answered_at
                from questionnaire_response where resident_id = $1
                order by questionnaire_id, answered_at desc, id desc""")
                .execute(Tuple.of(residentId))
                .map(rows -> {
                    List<QuestionnaireResultSummary> latest = new ArrayList<>();
                    for (Row row : rows) {
                        String id = row.getString("questionnaire_id");
                        int version = row.getInteger("version");
                        Questionnaire definition = catalogue.find(id, version).orElse(null);
                        latest.add(new QuestionnaireResultSummary(row.getUUID("id"),
                                QuestionnaireResponseView.questionnaire(id, version, definition), row.getInteger("score"),
                                QuestionnaireResponseView.band(row.getString("band"), definition),
                                ReportLevel.valueOf(row.getString("level")), row.getBoolean("urgent"),
                                row.getOffsetDateTime("answered_at")));
                    }
                    latest.sort(Comparator.comparing(QuestionnaireResultSummary::answeredAt).reversed());
                    return latest;
                });
    }

    private QuestionnaireResponseView view(QuestionnaireResponse r) {
        return QuestionnaireResponseView.of(r, catalogue.find(r.questionnaireId, r.version).orElse(null));
    }

    private Questionnaire definition(String id, Integer version) {
        if (catalogue.versions(id).isEmpty()) {
            throw ProblemException.notFound("No such questionnaire");
        }
        if (version == null) {
            return catalogue.latest(id).orElseThrow();
        }
        // The questionnaire exists; a version it never had is a wrong field of the body, not a missing resource.
        return catalogue.find(id, version).orElseThrow(() -> ProblemException.ruleViolated(
                "This questionnaire has no such version",
                List.of(new FieldError("version", "must be one of " + catalogue.versions(id).stream()
                        .map(q -> String.valueOf(q.version())).toList()))));
    }

    /** What can be filled from the resident's ID card and latest measurements, where the definition says so. */
    private Uni<Map<String, Object>> measured(Questionnaire questionnaire, Resident resident, OffsetDateTime now) {
        Person person = person(resident, now);
        boolean fromMeasurements = questionnaire.items().stream().anyMatch(item -> item.filledFrom()
                .filter(f -> f != FilledFrom.PERSON_AGE && f != FilledFrom.PERSON_SEX).isPresent());
        if (!fromMeasurements) {
            return Uni.createFrom().item(MeasuredAnswers.fill(questionnaire, person, List.of()));
        }
        return observations.latestOfTypes(resident.id, MEASURED_TYPES, now.minus(MEASUREMENTS_WITHIN))
                .map(latest -> MeasuredAnswers.fill(questionnaire, person, latest.stream()
                        .map(o -> new Measurement(o.type, o.measurement.numbers(), o.measurement.codes()))
                        .toList()));
    }

    /** Sex and age (on the day answered, in Shanghai) as the linked ID card gives them; unknown without one. */
    private static Person person(Resident resident, OffsetDateTime at) {
        Optional<Sex> sex = Optional.ofNullable(resident.sex).map(s -> Sex.valueOf(s.name()));
        OptionalInt age = resident.birthDate == null ? OptionalInt.empty()
                : OptionalInt.of(Period.between(resident.birthDate, at.atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate())
                        .getYears());
        return new Person(sex, age);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such questionnaire response");
    }
}
