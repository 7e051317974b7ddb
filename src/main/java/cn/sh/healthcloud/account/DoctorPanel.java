package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.stratification.HealthClass;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.QueryParameters;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The family doctor's panel of signed residents by class, those most overdue for a follow-up first
 * within each class. A follow-up is due the class's interval after the last one, or after the
 * contract's start before the first. Every resident shown gets an access-log entry.
 */
@ApplicationScoped
public class DoctorPanel {

    private static final String SIGNED = """
            from family_doctor_contract c
            join resident r on r.id = c.resident_id
            join resident_stratification s on s.resident_id = c.resident_id
            where c.practitioner_id = $1 and c.ended_at is null""";

    private final DoctorAccess access;
    private final AccessLog accessLog;
    private final ResidentStratifications stratifications;
    private final Pool pool;
    private final Clock clock;

    DoctorPanel(DoctorAccess access, AccessLog accessLog, ResidentStratifications stratifications, Pool pool, Clock clock) {
        this.access = access;
        this.accessLog = accessLog;
        this.stratifications = stratifications;
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<DoctorPanelView> of(Caller doctor, String pageParam, String sizeParam) {
        List<FieldError> errors = new ArrayList<>();
        int page = QueryParameters.wholeNumber("page", pageParam, 0, 0, 100_000, errors);
        int size = QueryParameters.wholeNumber("size", sizeParam, 50, 1, 200, errors);
        try {
            QueryParameters.rejectIfAny(errors);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        return Panache.withTransaction(() -> access.practitioner(doctor)).chain(p -> computeMissing(p.id)
                .chain(() -> counts(p.id))
                .chain(counts -> page(p.id, page, size, today).chain(entries -> {
                    boolean hasMore = entries.size() > size;
                    List<Classified> shown = entries.stream().limit(size).toList();
                    List<UUID> ids = shown.stream().map(e -> e.entry().residentId()).toList();
                    Uni<Void> logged = ids.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.withTransaction(() -> accessLog.recordAll(ids, doctor, Roles.DOCTOR,
                                    "health management panel", "family doctor"));
                    return logged.map(v -> new DoctorPanelView(counts, groups(shown), page, size, hasMore));
                })));
    }

    /** One resident's class in the panel. */
    private record Classified(HealthClass healthClass, DoctorPanelView.Entry entry) {
    }

    /** Residents signed before their class was first stored are classified now, one at a time. */
    private Uni<Void> computeMissing(UUID practitionerId) {
        return pool.preparedQuery("""
                select c.resident_id from family_doctor_contract c
                left join resident_stratification s on s.resident_id = c.resident_id
                where c.practitioner_id = $1 and c.ended_at is null and s.resident_id is null""")
                .execute(Tuple.of(practitionerId))
                .chain(rows -> {
                    List<UUID> missing = new ArrayList<>();
                    rows.forEach(row -> missing.add(row.getUUID("resident_id")));
                    return Multi.createFrom().iterable(missing).onItem()
                            .transformToUniAndConcatenate(stratifications::recompute).collect().last().replaceWithVoid();
                });
    }

    private Uni<Map<String, Long>> counts(UUID practitionerId) {
        return pool.preparedQuery("select s.health_class, count(*) as n " + SIGNED + " group by s.health_class")
                .execute(Tuple.of(practitionerId)).map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (HealthClass c : HealthClass.values()) {
                        counts.put(c.id(), 0L);
                    }
                    rows.forEach(row -> counts.put(row.getString("health_class"), row.getLong("n")));
                    return counts;
                });
    }

    /** One more than the page holds, to tell whether there is a next page without counting. */
    private Uni<List<Classified>> page(UUID practitionerId, int page, int size, LocalDate today) {
        return pool.preparedQuery("""
                select c.resident_id, r.display_name, r.national_id_masked, r.birth_date, r.sex, s.health_class, f.last_on,
                       coalesce(f.last_on, (c.signed_at at time zone 'Asia/Shanghai')::date) + s.follow_up_days as due_on
                from family_doctor_contract c
                join resident r on r.id = c.resident_id
                join resident_stratification s on s.resident_id = c.resident_id
                left join lateral (select max(held_on) as last_on from follow_up fu where fu.resident_id = c.resident_id) f
                     on true
                where c.practitioner_id = $1 and c.ended_at is null
                order by case s.health_class when 'ill' then 0 when 'recovering' then 1 when 'higher-risk' then 2 else 3 end,
                         due_on, c.signed_at, c.resident_id
                offset $2 limit $3""")
                .execute(Tuple.of(practitionerId, page * size, size + 1))
                .map(rows -> {
                    List<Classified> list = new ArrayList<>();
                    for (Row row : rows) {
                        LocalDate due = row.getLocalDate("due_on");
                        long late = Math.max(0, ChronoUnit.DAYS.between(due, today));
                        list.add(new Classified(HealthClass.fromId(row.getString("health_class")),
                                new DoctorPanelView.Entry(row.getUUID("resident_id"), row.getString("display_name"),
                                        row.getString("national_id_masked"), row.getLocalDate("birth_date"),
                                        row.getString("sex") == null ? null : NationalIdNumber.Sex.valueOf(row.getString("sex")),
                                        row.getLocalDate("last_on"), due, late > 0, late)));
                    }
                    return list;
                });
    }

    private static List<DoctorPanelView.Group> groups(List<Classified> shown) {
        Map<HealthClass, List<DoctorPanelView.Entry>> byClass = new LinkedHashMap<>();
        for (Classified c : shown) {
            byClass.computeIfAbsent(c.healthClass(), k -> new ArrayList<>()).add(c.entry());
        }
        List<DoctorPanelView.Group> groups = new ArrayList<>();
        byClass.forEach((k, v) -> groups.add(new DoctorPanelView.Group(k.id(), v)));
        return groups;
    }
}
