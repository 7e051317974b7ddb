package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.AssessmentEngine;
import cn.sh.healthcloud.assessment.Finding;
import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.stratification.BloodPressureReading;
import cn.sh.healthcloud.assessment.stratification.ConditionCode;
import cn.sh.healthcloud.assessment.stratification.ConditionStatus;
import cn.sh.healthcloud.assessment.stratification.HealthClass;
import cn.sh.healthcloud.assessment.stratification.ManagementPlan;
import cn.sh.healthcloud.assessment.stratification.QuestionnaireOutcome;
import cn.sh.healthcloud.assessment.stratification.RecordedCondition;
import cn.sh.healthcloud.assessment.stratification.Stratification;
import cn.sh.healthcloud.assessment.stratification.StratificationInput;
import cn.sh.healthcloud.assessment.stratification.StratificationRules;
import cn.sh.healthcloud.assessment.stratification.Stratifier;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Each resident's health class, stored (table resident_stratification) and recomputed one resident
 * at a time from what is committed: the latest reading of each type (graded by the report's rules),
 * blood pressure of the last weeks, the latest result of each questionnaire, the active contract's
 * priority groups and the doctor's conditions. Recomputing twice gives the same row: it is a pure
 * function of those, and the resident's row lock makes concurrent recomputes of one resident take turns.
 */
@ApplicationScoped
public class ResidentStratifications {

    /** The stored class of one resident. */
    public record Current(HealthClass healthClass, StoredReasons reasons, ManagementPlan plan, OffsetDateTime computedAt) {
    }

    private final Pool pool;
    private final Stratifier stratifier;
    private final AssessmentEngine engine;
    private final Clock clock;

    ResidentStratifications(Pool pool, Stratifier stratifier, AssessmentEngine engine, Clock clock) {
        this.pool = pool;
        this.stratifier = stratifier;
        this.engine = engine;
        this.clock = clock;
    }

    /** Recomputes and stores one resident's class; null when there is no such resident (e.g. a pending kiosk subject). */
    public Uni<Current> recompute(UUID residentId) {
        return pool.withTransaction(sql -> sql
                // Takes turns with any other recompute of this resident; no key update leaves inserts that reference the row alone.
                .preparedQuery("select birth_date, sex from resident where id = $1 for no key update")
                .execute(Tuple.of(residentId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    Row resident = rows.iterator().next();
                    LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
                    Person person = person(resident, today);
                    return input(sql, residentId, person, today)
                            .map(stratifier::classify)
                            .chain(s -> store(sql, residentId, s));
                }));
    }

    /** The stored class, computed first if it never was (residents from before V12). */
    public Uni<Current> current(UUID residentId) {
        return pool.preparedQuery("""
                select health_class, reasons, plan, computed_at from resident_stratification where resident_id = $1""")
                .execute(Tuple.of(residentId))
                .chain(rows -> rows.iterator().hasNext() ? Uni.createFrom().item(current(rows.iterator().next()))
                        : recompute(residentId));
    }

    private Uni<StratificationInput> input(SqlClient sql, UUID residentId, Person person, LocalDate today) {
        StratificationInput empty = StratificationInput.empty();
        StratificationInput base = person.ageYears().isPresent() ? empty.withAge(person.ageYears().getAsInt()) : empty;
        // The repeated-readings rule looks this far back; only the hypertensive range is configured apart.
        OffsetDateTime recentFrom = today.minusDays(StratificationRules.reference().repeatedWithinDays())
                .atStartOfDay(ShanghaiTime.ZONE).toOffsetDateTime();
        return sql.preparedQuery("""
                select distinct on (type) type, measurement from observation where resident_id = $1
                order by type, taken_at desc, id desc""").execute(Tuple.of(residentId))
                .map(rows -> {
                    List<Finding> findings = new ArrayList<>();
                    for (Row row : rows) {
                        Optional<MeasurementType> type = MeasurementType.byId(row.getString("type"));
                        type.ifPresent(t -> findings.addAll(engine.assess(person,
                                List.of(measurement(t, row.getJsonObject("measurement")))).findings()));
                    }
                    return base.withFindings(findings);
                })
                .chain(in -> sql.preparedQuery("""
                        select taken_at, measurement from observation
                        where resident_id = $1 and type = 'blood-pressure' and taken_at >= $2""")
                        .execute(Tuple.of(residentId, recentFrom))
                        .map(rows -> {
                            List<BloodPressureReading> readings = new ArrayList<>();
                            for (Row row : rows) {
                                JsonObject numbers = row.getJsonObject("measurement").getJsonObject("numbers");
                                readings.add(new BloodPressureReading(
                                        row.getOffsetDateTime("taken_at").atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate(),
                                        numbers.getDouble("systolic"), numbers.getDouble("diastolic")));
                            }
                            return in.withBloodPressure(readings);
                        }))
                .chain(in -> sql.preparedQuery("""
                        select distinct on (questionnaire_id) questionnaire_id, score, band, answers
                        from questionnaire_response where resident_id = $1
                        order by questionnaire_id, answered_at desc, id desc""").execute(Tuple.of(residentId))
                        .map(rows -> {
                            List<QuestionnaireOutcome> outcomes = new ArrayList<>();
                            for (Row row : rows) {
                                Map<String, Object> all = QuestionnaireAnswers.from(row.getJsonObject("answers")).all();
                                outcomes.add(new QuestionnaireOutcome(row.getString("questionnaire_id"),
                                        row.getInteger("score"), row.getString("band"), all));
                            }
                            return in.withQuestionnaires(outcomes);
                        }))
                .chain(in -> sql.preparedQuery("""
                        select priority_groups from family_doctor_contract where resident_id = $1 and ended_at is null""")
                        .execute(Tuple.of(residentId))
                        .map(rows -> {
                            Set<String> groups = new HashSet<>();
                            for (Row row : rows) {
                                Optional.ofNullable(row.getJsonObject("priority_groups").getJsonArray("groups"))
                                        .ifPresent(list -> list.forEach(g -> groups.add(String.valueOf(g))));
                            }
                            return in.withPriorityGroups(groups);
                        }))
                .chain(in -> sql.preparedQuery("select code, status, since from resident_condition where resident_id = $1")
                        .execute(Tuple.of(residentId))
                        .map(rows -> {
                            List<RecordedCondition> conditions = new ArrayList<>();
                            for (Row row : rows) {
                                Optional<ConditionCode> code = ConditionCode.byId(row.getString("code"));
                                Optional<ConditionStatus> status = ConditionStatus.byId(row.getString("status"));
                                if (code.isPresent() && status.isPresent()) {
                                    conditions.add(new RecordedCondition(code.get(), status.get(), row.getLocalDate("since")));
                                }
                            }
                            return in.withConditions(conditions);
                        }));
    }

    private Uni<Current> store(SqlClient sql, UUID residentId, Stratification s) {
        JsonObject reasons = JsonObject.mapFrom(new StoredReasons(s.reasons()));
        JsonObject plan = JsonObject.mapFrom(s.plan());
        return sql.preparedQuery("""
                insert into resident_stratification (resident_id, health_class, reasons, plan, follow_up_days, computed_at)
                values ($1, $2, $3, $4, $5, now())
                on conflict (resident_id) do update set health_class = excluded.health_class, reasons = excluded.reasons,
                    plan = excluded.plan, follow_up_days = excluded.follow_up_days, computed_at = excluded.computed_at
                returning health_class, reasons, plan, computed_at""")
                .execute(Tuple.tuple(List.of(residentId, s.healthClass().id(), reasons, plan, s.plan().followUpEveryDays())))
                .map(rows -> current(rows.iterator().next()));
    }

    private static Current current(Row row) {
        return new Current(HealthClass.fromId(row.getString("health_class")),
                row.getJsonObject("reasons").mapTo(StoredReasons.class),
                row.getJsonObject("plan").mapTo(ManagementPlan.class), row.getOffsetDateTime("computed_at"));
    }

    static Measurement measurement(MeasurementType type, JsonObject values) {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        JsonObject n = values.getJsonObject("numbers");
        if (n != null) {
            n.fieldNames().forEach(f -> numbers.put(f, n.getDouble(f)));
        }
        JsonObject c = values.getJsonObject("codes");
        if (c != null) {
            c.fieldNames().forEach(f -> codes.put(f, c.getString(f)));
        }
        return new Measurement(type, numbers, codes);
    }

    static Person person(Row resident, LocalDate today) {
        Optional<Sex> sex = Optional.ofNullable(resident.getString("sex")).map(Sex::valueOf);
        LocalDate born = resident.getLocalDate("birth_date");
        return new Person(sex, born == null ? OptionalInt.empty() : OptionalInt.of(Period.between(born, today).getYears()));
    }
}
