package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.AssessmentEngine;
import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.exercise.ExercisePrescriber;
import cn.sh.healthcloud.assessment.exercise.ExercisePrescription;
import cn.sh.healthcloud.assessment.exercise.FitnessNorms;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireCatalogue;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireResult;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A resident's exercise prescription (科学运动处方) for the health management list, from what the
 * account holds now: the latest reading of each type (graded by the report's rules) and the latest
 * result of each questionnaire. Fitness tests stay ungraded until norm tables are added as data.
 */
@ApplicationScoped
class ExerciseAdvice {

    private final Pool pool;
    private final AssessmentEngine engine;
    private final QuestionnaireCatalogue questionnaires;
    private final ExercisePrescriber prescriber = new ExercisePrescriber(FitnessNorms.none());
    private final Clock clock;

    ExerciseAdvice(Pool pool, AssessmentEngine engine, QuestionnaireCatalogue questionnaires, Clock clock) {
        this.pool = pool;
        this.engine = engine;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    /** Empty for a resident who has nothing measured or answered yet: nothing to prescribe from. */
    Uni<Optional<ExercisePrescription>> of(UUID residentId) {
        LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        return pool.preparedQuery("select birth_date, sex from resident where id = $1").execute(Tuple.of(residentId))
                .chain(residents -> {
                    if (!residents.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<ExercisePrescription>empty());
                    }
                    Person person = ResidentStratifications.person(residents.iterator().next(), today);
                    return latestMeasurements(residentId).chain(measurements -> latestResults(residentId)
                            .map(results -> measurements.isEmpty() && results.isEmpty() ? Optional.<ExercisePrescription>empty()
                                    : Optional.of(prescriber.prescribe(person, measurements,
                                            engine.assess(person, measurements).findings(), results))));
                });
    }

    private Uni<List<Measurement>> latestMeasurements(UUID residentId) {
        return pool.preparedQuery("""
                select distinct on (type) type, measurement from observation where resident_id = $1
                order by type, taken_at desc, id desc""").execute(Tuple.of(residentId))
                .map(rows -> {
                    List<Measurement> measurements = new ArrayList<>();
                    for (Row row : rows) {
                        MeasurementType.byId(row.getString("type")).ifPresent(type -> measurements.add(
                                ResidentStratifications.measurement(type, row.getJsonObject("measurement"))));
                    }
                    return measurements;
                });
    }

    /** Each questionnaire's latest response, scored again from its stored answers by the version answered. */
    private Uni<List<QuestionnaireResult>> latestResults(UUID residentId) {
        return pool.preparedQuery("""
                select distinct on (questionnaire_id) questionnaire_id, version, answers from questionnaire_response
                where resident_id = $1 order by questionnaire_id, answered_at desc, id desc""").execute(Tuple.of(residentId))
                .map(rows -> {
                    List<QuestionnaireResult> results = new ArrayList<>();
                    for (Row row : rows) {
                        Map<String, Object> all = QuestionnaireAnswers.from(row.getJsonObject("answers")).all();
                        questionnaires.find(row.getString("questionnaire_id"), row.getInteger("version"))
                                .filter(q -> q.validate(all).isEmpty())
                                .ifPresent(q -> results.add(q.score(all)));
                    }
                    return results;
                });
    }
}
