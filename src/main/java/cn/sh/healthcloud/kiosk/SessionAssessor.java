package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.AccountRecords;
import cn.sh.healthcloud.account.AccountRecords.AlertDraft;
import cn.sh.healthcloud.assessment.Assessment;
import cn.sh.healthcloud.assessment.AssessmentEngine;
import cn.sh.healthcloud.assessment.Finding;
import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Assesses a kiosk session once: when its close message and every reading it lists are in, or
 * when it timed out. In one transaction: the session is claimed (so one replica assesses it), its
 * readings are assessed, the report is filed in the resident's account, findings a doctor must
 * see go to their family doctor's work list, and the check-up earns health points. The kiosk's
 * report is published after the commit.
 */
@ApplicationScoped
class SessionAssessor {

    private static final Logger LOG = Logger.getLogger(SessionAssessor.class);

    /** A closed session is complete when each listed reading is stored or was refused. */
    private static final String COMPLETE = """
            s.assessed_at is null and s.closed_at is not null
            and not exists (select 1 from unnest(s.listed_readings) as l(id)
                            where not exists (select 1 from kiosk_reading r where r.reading_id = l.id)
                              and not exists (select 1 from rejected_message m where m.reading_id = l.id))""";

    static final int CONCURRENT = 3;
    static final int MAX_QUEUED = 20_000;

    private final java.util.Queue<UUID> due = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Set<UUID> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    private final Pool pool;
    private final AccountRecords accounts;
    private final AssessmentEngine engine;
    private final KioskReports reports;
    private final IngestionMetrics metrics;
    private final KioskConfig config;
    private final Clock clock;

    SessionAssessor(Pool pool, AccountRecords accounts, AssessmentEngine engine, KioskReports reports,
            IngestionMetrics metrics, KioskConfig config, Clock clock) {
        this.pool = pool;
        this.accounts = accounts;
        this.engine = engine;
        this.reports = reports;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** After a batch committed: queue those of its sessions that are now complete. */
    void assessIfComplete(Collection<UUID> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        pool.preparedQuery("select s.session_id from kiosk_session s where s.session_id = any($1) and " + COMPLETE)
                .execute(Tuple.of(sessions.toArray(UUID[]::new)))
                .subscribe().with(this::enqueue, e -> LOG.warnf("Finding complete sessions failed (%s); the sweep retries",
                        e.getMessage()));
    }

    /** The sweep: complete sessions missed (a replica stopped in between) and sessions that timed out. */
    Uni<Integer> assessDue() {
        return pool.preparedQuery("select s.session_id from kiosk_session s where (" + COMPLETE + """
                ) or (s.assessed_at is null and s.closed_at is null and s.opened_at < now() - $1 * interval '1 millisecond')
                  or (s.assessed_at is null and s.close_received_at < now() - $2 * interval '1 millisecond')
                limit 1000""")
                .execute(Tuple.of(config.sessionTimeout().toMillis(), config.closedSessionGrace().toMillis()))
                .map(this::enqueue);
    }

    /**
     * Sessions wait here for one of {@link #CONCURRENT} assessments. Bounded: under a burst larger
     * than assessment keeps up with, the rest stay due in the database and the sweep brings them.
     */
    private int enqueue(RowSet<Row> rows) {
        int added = 0;
        for (Row row : rows) {
            UUID id = row.getUUID("session_id");
            if (queued.size() < MAX_QUEUED && queued.add(id)) {
                due.add(id);
                added++;
            }
        }
        pump();
        return added;
    }

    private void pump() {
        while (!due.isEmpty()) {
            int now = running.get();
            if (now >= CONCURRENT) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            UUID id = due.poll();
            if (id == null) {
                running.decrementAndGet();
                return;
            }
            assess(id).subscribe().with(done -> finished(id), e -> {
                LOG.warnf("Assessing session %s failed (%s); the sweep retries", id, e.getMessage());
                finished(id);
            });
        }
    }

    private void finished(UUID id) {
        queued.remove(id);
        running.decrementAndGet();
        pump();
    }

    /** True when this call assessed it; false when another replica (or an earlier call) already had. */
    Uni<Boolean> assess(UUID sessionId) {
        return pool.withTransaction(sql -> sql
                .preparedQuery("update kiosk_session set assessed_at = now() where session_id = $1 and assessed_at is null"
                        + " returning kiosk_id, assessed_at")
                .execute(Tuple.of(sessionId))
                .chain(claimed -> {
                    if (claimed.size() == 0) {
                        return Uni.createFrom().item(Optional.<JsonObject>empty());
                    }
                    Row session = claimed.iterator().next();
                    return assessClaimed(sql, sessionId, session.getString("kiosk_id"),
                            session.getOffsetDateTime("assessed_at")).map(Optional::of);
                }))
                .call(report -> report.map(r -> reports.publish(sessionId, r.getString("kioskId"), r)
                        .onFailure().recoverWithItem(e -> {
                            LOG.debugf("Report of session %s not sent yet (%s); the sweep sends it", sessionId, e.getMessage());
                            return null;
                        })).orElse(Uni.createFrom().voidItem()))
                .map(Optional::isPresent);
    }

    private record StoredReading(UUID readingId, OffsetDateTime takenAt, UUID residentId, String kind, Sex sex,
            LocalDate birthDate, String masked, List<Measurement> measurements) {
    }

    private Uni<JsonObject> assessClaimed(SqlClient sql, UUID sessionId, String kioskId, OffsetDateTime assessedAt) {
        return sql.preparedQuery("""
                select reading_id, taken_at, subject_kind, resident_id, subject_sex, subject_birth_date, subject_masked,
                       measurements
                from kiosk_reading where session_id = $1 order by taken_at, reading_id""")
                .execute(Tuple.of(sessionId))
                .chain(rows -> {
                    List<StoredReading> readings = new ArrayList<>();
                    rows.forEach(row -> readings.add(new StoredReading(row.getUUID("reading_id"),
                            row.getOffsetDateTime("taken_at"), row.getUUID("resident_id"), row.getString("subject_kind"),
                            row.getString("subject_sex") == null ? null : Sex.valueOf(row.getString("subject_sex")),
                            row.getLocalDate("subject_birth_date"), row.getString("subject_masked"),
                            StoredMeasurements.fromJson(row.getJsonObject("measurements")))));
                    return file(sql, sessionId, kioskId, assessedAt, readings);
                });
    }

    private Uni<JsonObject> file(SqlClient sql, UUID sessionId, String kioskId, OffsetDateTime assessedAt,
            List<StoredReading> readings) {
        LocalDate day = assessedAt.atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate();
        Person person = person(readings, day);
        List<Measurement> measured = readings.stream().flatMap(r -> r.measurements().stream()).toList();
        Assessment assessment = engine.assess(person, measured);
        metrics.assessed(assessment.level());

        Optional<StoredReading> owned = readings.stream().filter(r -> r.residentId() != null).reduce((a, b) -> b);
        String masked = readings.stream().map(StoredReading::masked).filter(m -> m != null).findFirst().orElse(null);
        KioskReport.Account account = owned.isPresent() ? KioskReport.Account.STORED
                : readings.stream().anyMatch(r -> "pending".equals(r.kind())) ? KioskReport.Account.PENDING
                        : KioskReport.Account.NONE;
        JsonObject report = KioskReport.of(sessionId, kioskId, assessedAt, masked, account, assessment, readingsJson(readings));
        UUID reportId = owned.isPresent() ? UUID.randomUUID() : null;

        Uni<Void> filed = Uni.createFrom().voidItem();
        if (owned.isPresent()) {
            UUID residentId = owned.get().residentId();
            List<StoredReading> theirs = readings.stream().filter(r -> residentId.equals(r.residentId())).toList();
            List<UUID> observationIds = theirs.stream().flatMap(r -> r.measurements().stream()
                    .map(m -> AccountRecords.observationIdOf(r.readingId(), m.type().id()))).toList();
            filed = accounts.fileSessionReport(sql, reportId, residentId, sessionId, kioskId, assessedAt,
                            KioskReport.level(assessment.level()), KioskReport.content(report, observationIds))
                    .chain(() -> accounts.raiseAlerts(sql, residentId, assessedAt, alerts(assessment, theirs)))
                    .chain(() -> accounts.awardKioskCheckUp(sql, residentId, sessionId));
        }
        return filed.chain(() -> sql.preparedQuery(
                        "update kiosk_session set report_id = $2, level = $3, kiosk_report = $4 where session_id = $1")
                        .execute(Tuple.of(sessionId, reportId, KioskReport.level(assessment.level()).name(), report)))
                .replaceWith(report);
    }

    /** What the family doctor must act on: findings at "see your doctor" or worse, each with its reading. */
    private static List<AlertDraft> alerts(Assessment assessment, List<StoredReading> readings) {
        Map<MeasurementType, UUID> latestReadingOf = new HashMap<>();
        readings.forEach(r -> r.measurements().forEach(m -> latestReadingOf.put(m.type(), r.readingId())));
        List<AlertDraft> drafts = new ArrayList<>();
        for (Finding f : assessment.findings()) {
            if (f.level().compareTo(Level.SEE_DOCTOR) >= 0) {
                UUID reading = f.type() == null ? null : latestReadingOf.get(f.type());
                drafts.add(new AlertDraft(reading == null ? null : AccountRecords.observationIdOf(reading, f.type().id()),
                        f.code(), f.textZh(), f.textEn()));
            }
        }
        return drafts;
    }

    private static Person person(List<StoredReading> readings, LocalDate day) {
        Optional<Sex> sex = readings.stream().map(StoredReading::sex).filter(s -> s != null).findFirst();
        Optional<LocalDate> born = readings.stream().map(StoredReading::birthDate).filter(b -> b != null).findFirst();
        return new Person(sex, born.map(b -> OptionalInt.of(Period.between(b, day).getYears())).orElse(OptionalInt.empty()));
    }

    private static JsonArray readingsJson(List<StoredReading> readings) {
        JsonArray list = new JsonArray();
        for (StoredReading r : readings) {
            list.add(new JsonObject().put("readingId", r.readingId().toString()).put("takenAt", r.takenAt().toString())
                    .put("measurements", StoredMeasurements.toJson(r.measurements()).getJsonArray("items")));
        }
        return list;
    }
}
