package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.stratification.ManagementPlan;
import cn.sh.healthcloud.assessment.stratification.Measure;
import cn.sh.healthcloud.assessment.stratification.MonitoringItem;
import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Composes the health management list from the stored class and what the account holds now. Read
 * for the resident themselves, or for their signed doctor (access-logged before anything is read).
 */
@ApplicationScoped
public class HealthManagementList {

    static final int PROGRESS_DAYS = 90;

    /** The values progress compares, per measure; glucose only fasting, so that readings compare. */
    private static final Map<Measure, List<String>> PROGRESS_FIELDS = Map.of(
            Measure.BLOOD_PRESSURE, List.of("systolic", "diastolic"),
            Measure.GLUCOSE, List.of("value"),
            Measure.WEIGHT, List.of("weightKg"),
            Measure.WAIST, List.of("waistCm"));

    private final AccountService accounts;
    private final DoctorAccess access;
    private final AccessLog accessLog;
    private final ResidentStratifications stratifications;
    private final FollowUps followUps;
    private final ExerciseAdvice exercise;
    private final Pool pool;
    private final Clock clock;

    HealthManagementList(AccountService accounts, DoctorAccess access, AccessLog accessLog,
            ResidentStratifications stratifications, FollowUps followUps, ExerciseAdvice exercise, Pool pool, Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.accessLog = accessLog;
        this.stratifications = stratifications;
        this.followUps = followUps;
        this.exercise = exercise;
        this.pool = pool;
        this.clock = clock;
    }

    /** The caller's own list; the account is created (and committed) first, as on any first visit. */
    public Uni<HealthManagementView> mine(String subject) {
        return Panache.withTransaction(() -> accounts.accountOf(subject)).chain(resident -> of(resident.id));
    }

    /** A signed resident's list for their doctor; the access-log entry is committed before the list is read. */
    public Uni<HealthManagementView> forDoctor(Caller doctor, String residentId) {
        return Panache.withTransaction(() -> access.signed(doctor, residentId)
                .call(signed -> accessLog.record(signed.residentId(), doctor, Roles.DOCTOR, "health management list",
                        "family doctor")))
                .chain(signed -> of(signed.residentId()));
    }

    Uni<HealthManagementView> of(UUID residentId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate();
        return stratifications.current(residentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such account"))
                .chain(current -> lastMeasured(residentId).chain(last -> conditions(residentId)
                        .chain(conditions -> prescriptions(residentId).chain(prescriptions -> followUp(residentId,
                                current.plan(), today).chain(followUp -> progress(residentId, current.plan(), now)
                                        .map(progress -> new HealthManagementView(current.healthClass().id(),
                                                current.reasons().items(), current.computedAt(), conditions,
                                                monitor(current.plan(), last, today), checkUp(current.plan(),
                                                        prescriptions.report(), today),
                                                followUp, prescriptions, progress)))))));
    }

    private static List<HealthManagementView.Monitor> monitor(ManagementPlan plan, Map<MeasurementType, OffsetDateTime> last,
            LocalDate today) {
        List<HealthManagementView.Monitor> items = new ArrayList<>();
        for (MonitoringItem item : plan.monitor()) {
            OffsetDateTime latest = item.measure().types().stream().map(last::get).filter(t -> t != null)
                    .max(OffsetDateTime::compareTo).orElse(null);
            LocalDate dueBy = latest == null ? null : day(latest).plusDays(item.everyDays());
            items.add(new HealthManagementView.Monitor(item.measure().id(), item.everyDays(), item.textZh(), item.textEn(),
                    item.reasonCodes(), latest, dueBy, dueBy == null || today.isAfter(dueBy)));
        }
        return items;
    }

    private static HealthManagementView.CheckUp checkUp(ManagementPlan plan, HealthManagementView.FromReport report,
            LocalDate today) {
        OffsetDateTime last = report == null ? null : report.createdAt();
        LocalDate dueBy = last == null ? null : day(last).plusDays(plan.checkUpEveryDays());
        return new HealthManagementView.CheckUp(plan.checkUpEveryDays(), plan.checkUpZh(), plan.checkUpEn(), last, dueBy,
                dueBy == null || today.isAfter(dueBy));
    }

    private Uni<HealthManagementView.FollowUp> followUp(UUID residentId, ManagementPlan plan, LocalDate today) {
        return followUps.lastOf(residentId).chain(lastOn -> pool.preparedQuery(
                "select signed_at from family_doctor_contract where resident_id = $1 and ended_at is null")
                .execute(Tuple.of(residentId)).map(rows -> {
                    OffsetDateTime signedAt = rows.iterator().hasNext() ? rows.iterator().next().getOffsetDateTime("signed_at")
                            : null;
                    if (lastOn == null && signedAt == null) {
                        return null;
                    }
                    LocalDate from = lastOn != null ? lastOn : day(signedAt);
                    LocalDate dueOn = from.plusDays(plan.followUpEveryDays());
                    long late = Math.max(0, ChronoUnit.DAYS.between(dueOn, today));
                    return new HealthManagementView.FollowUp(plan.followUpEveryDays(), lastOn,
                            lastOn != null ? "last-follow-up" : "contract-start", dueOn, late > 0, late);
                }));
    }

    private Uni<Map<MeasurementType, OffsetDateTime>> lastMeasured(UUID residentId) {
        return pool.preparedQuery("select type, max(taken_at) as last from observation where resident_id = $1 group by type")
                .execute(Tuple.of(residentId)).map(rows -> {
                    Map<MeasurementType, OffsetDateTime> last = new HashMap<>();
                    for (Row row : rows) {
                        MeasurementType.byId(row.getString("type")).ifPresent(t -> last.put(t, row.getOffsetDateTime("last")));
                    }
                    return last;
                });
    }

    private Uni<List<ConditionView>> conditions(UUID residentId) {
        return pool.preparedQuery("""
                select id, code, status, since, note, recorded_at, updated_at from resident_condition
                where resident_id = $1 and status <> 'resolved' order by recorded_at, id""")
                .execute(Tuple.of(residentId)).map(rows -> {
                    List<ConditionView> list = new ArrayList<>();
                    for (Row row : rows) {
                        ResidentCondition c = new ResidentCondition();
                        c.id = row.getUUID("id");
                        c.code = row.getString("code");
                        c.status = row.getString("status");
                        c.since = row.getLocalDate("since");
                        c.note = row.getString("note");
                        c.recordedAt = row.getOffsetDateTime("recorded_at");
                        c.updatedAt = row.getOffsetDateTime("updated_at");
                        list.add(ConditionView.of(c));
                    }
                    return list;
                });
    }

    private Uni<HealthManagementView.Prescriptions> prescriptions(UUID residentId) {
        return pool.preparedQuery("""
                select id, created_at, content from report where resident_id = $1 order by created_at desc, id desc limit 1""")
                .execute(Tuple.of(residentId)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return (HealthManagementView.FromReport) null;
                    }
                    Row row = rows.iterator().next();
                    JsonArray items = row.getJsonObject("content").getJsonArray("prescriptions");
                    List<ReportContent.Prescription> list = new ArrayList<>();
                    if (items != null) {
                        items.forEach(i -> list.add(((JsonObject) i).mapTo(ReportContent.Prescription.class)));
                    }
                    return new HealthManagementView.FromReport(row.getUUID("id"), row.getOffsetDateTime("created_at"), list);
                })
                .chain(report -> pool.preparedQuery("""
                        select distinct on (questionnaire_id) id, questionnaire_id, answered_at, prescriptions
                        from questionnaire_response where resident_id = $1
                        order by questionnaire_id, answered_at desc, id desc""")
                        .execute(Tuple.of(residentId)).map(rows -> {
                            List<HealthManagementView.FromQuestionnaire> list = new ArrayList<>();
                            for (Row row : rows) {
                                QuestionnairePrescriptions p = row.getJsonObject("prescriptions")
                                        .mapTo(QuestionnairePrescriptions.class);
                                if (!p.items().isEmpty()) {
                                    list.add(new HealthManagementView.FromQuestionnaire(row.getUUID("id"),
                                            row.getString("questionnaire_id"), row.getOffsetDateTime("answered_at"), p.items()));
                                }
                            }
                            list.sort((a, b) -> b.answeredAt().compareTo(a.answeredAt()));
                            return list;
                        })
                        .chain(questionnaires -> exercise.of(residentId).map(prescription -> new HealthManagementView.Prescriptions(
                                report, questionnaires, prescription.map(p -> new HealthManagementView.Exercise(
                                        p.start().name().toLowerCase(Locale.ROOT).replace('_', '-'), p.toPrescriptions()))
                                        .orElse(null)))));
    }

    private Uni<List<HealthManagementView.Progress>> progress(UUID residentId, ManagementPlan plan, OffsetDateTime now) {
        OffsetDateTime baselineBy = now.minusDays(PROGRESS_DAYS);
        Uni<List<HealthManagementView.Progress>> all = Uni.createFrom().item(new ArrayList<>());
        for (MonitoringItem item : plan.monitor()) {
            Measure measure = item.measure();
            all = all.chain(list -> progressOf(residentId, measure, baselineBy).map(p -> {
                if (p != null) {
                    list.add(p);
                }
                return list;
            }));
        }
        return all;
    }

    private Uni<HealthManagementView.Progress> progressOf(UUID residentId, Measure measure, OffsetDateTime baselineBy) {
        String[] types = measure.types().stream().map(MeasurementType::id).toArray(String[]::new);
        String fasting = measure == Measure.GLUCOSE ? " and measurement->'codes'->>'context' = 'fasting'" : "";
        String readings = "select taken_at, measurement from observation where resident_id = $1 and type = any($2)" + fasting;
        String newest = " order by taken_at desc, id desc limit 1";
        return pool.preparedQuery(readings + newest).execute(Tuple.of(residentId, types))
                .chain(latestRows -> {
                    if (!latestRows.iterator().hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    Row latest = latestRows.iterator().next();
                    Map<String, Double> latestValues = values(measure, latest);
                    return pool.preparedQuery(readings + " and taken_at <= $3" + newest)
                            .execute(Tuple.of(residentId, types, baselineBy)).map(baseRows -> {
                        if (!baseRows.iterator().hasNext()) {
                            return new HealthManagementView.Progress(measure.id(), latest.getOffsetDateTime("taken_at"),
                                    latestValues, null, null);
                        }
                        Row base = baseRows.iterator().next();
                        Map<String, Double> baseValues = values(measure, base);
                        Map<String, Double> change = new LinkedHashMap<>();
                        latestValues.forEach((field, value) -> {
                            Double before = baseValues.get(field);
                            if (before != null) {
                                change.put(field, Math.round((value - before) * 10) / 10.0);
                            }
                        });
                        return new HealthManagementView.Progress(measure.id(), latest.getOffsetDateTime("taken_at"),
                                latestValues, base.getOffsetDateTime("taken_at"), change);
                    });
                });
    }

    private static Map<String, Double> values(Measure measure, Row row) {
        JsonObject numbers = row.getJsonObject("measurement").getJsonObject("numbers");
        Map<String, Double> values = new LinkedHashMap<>();
        for (String field : PROGRESS_FIELDS.get(measure)) {
            if (numbers != null && numbers.getValue(field) != null) {
                values.put(field, numbers.getDouble(field));
            }
        }
        return values;
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate();
    }
}
