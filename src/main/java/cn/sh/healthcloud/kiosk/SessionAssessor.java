package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.AccountRecords;
import cn.sh.healthcloud.account.AccountRecords.AlertDraft;
import cn.sh.healthcloud.account.AccountRecords.CheckUp;
import cn.sh.healthcloud.account.AccountRecords.SessionReport;
import cn.sh.healthcloud.account.ReportLevel;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Assesses each kiosk session once: when its close message and every reading it lists are in, or
 * when it timed out. Sessions are assessed many to a transaction, because one transaction per
 * session capped ingestion at ~1,600 sessions/s. In one transaction a batch of sessions is claimed
 * (so one replica assesses each), their readings are assessed, the reports are filed in the
 * residents' accounts, findings a doctor must see go to the family doctors' work lists, and the
 * check-ups earn health points, each kind of row in one statement. The kiosks' reports are
 * published after the commit.
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

    static final int BATCH = 200;
    static final int CONCURRENT = 2;
    static final int MAX_QUEUED = 20_000;

    private final Queue<UUID> due = new ConcurrentLinkedQueue<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final Pool pool;
    private final AccountRecords accounts;
    private final AssessmentEngine engine;
    private final KioskReports reports;
    private final IngestionMetrics metrics;
    private final KioskConfig config;
    private final KioskEvents events;

    SessionAssessor(Pool pool, AccountRecords accounts, AssessmentEngine engine, KioskReports reports,
            IngestionMetrics metrics, KioskConfig config, KioskEvents events) {
        this.pool = pool;
        this.accounts = accounts;
        this.engine = engine;
        this.reports = reports;
        this.metrics = metrics;
        this.config = config;
        this.events = events;
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
     * Sessions wait here for one of {@link #CONCURRENT} batch assessments. Bounded: under a burst
     * larger than assessment keeps up with, the rest stay due in the database and the sweep brings them.
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
            List<UUID> batch = new ArrayList<>(BATCH);
            for (UUID id = due.poll(); id != null; id = batch.size() < BATCH ? due.poll() : null) {
                batch.add(id);
            }
            if (batch.isEmpty()) {
                running.decrementAndGet();
                return;
            }
            assess(batch).subscribe().with(done -> finished(batch), e -> finished(batch));
        }
    }

    private void finished(List<UUID> batch) {
        batch.forEach(queued::remove);
        running.decrementAndGet();
        pump();
    }

    /**
     * Assesses these sessions, skipping those already assessed (by another replica or an earlier
     * call); returns how many this call assessed. When the batch's transaction fails, its halves are
     * tried apart, so one session the database refuses does not hold back the others.
     */
    Uni<Integer> assess(List<UUID> sessionIds) {
        return assessTogether(sessionIds).onFailure().recoverWithUni(e -> {
            if (sessionIds.size() == 1) {
                LOG.warnf("Assessing session %s failed (%s); the sweep retries", sessionIds.get(0), e.getMessage());
                return Uni.createFrom().failure(e);
            }
            int half = sessionIds.size() / 2;
            return assess(sessionIds.subList(0, half)).onFailure().recoverWithItem(0)
                    .chain(first -> assess(sessionIds.subList(half, sessionIds.size())).onFailure().recoverWithItem(0)
                            .map(second -> first + second));
        });
    }

    private Uni<Integer> assessTogether(List<UUID> sessionIds) {
        return pool.withTransaction(sql -> sql
                        .preparedQuery("update kiosk_session set assessed_at = now() where session_id = any($1)"
                                + " and assessed_at is null returning session_id, kiosk_id, assessed_at,"
                                + " (select k.station_id from kiosk k where k.id = kiosk_session.kiosk_id) as station_id")
                        .execute(Tuple.of(sessionIds.toArray(UUID[]::new)))
                        .chain(claimed -> {
                            Map<UUID, ClaimedSession> sessions = new LinkedHashMap<>();
                            claimed.forEach(row -> sessions.put(row.getUUID("session_id"), new ClaimedSession(
                                    row.getUUID("session_id"), row.getString("kiosk_id"), row.getString("station_id"),
                                    row.getOffsetDateTime("assessed_at"))));
                            return sessions.isEmpty() ? Uni.createFrom().item(Filed.NOTHING) : assessClaimed(sql, sessions);
                        }))
                .call(filed -> reports.publishAll(filed.assessed()))
                .invoke(filed -> events.sessionsAssessed(filed.event()))
                .map(filed -> filed.assessed().size());
    }

    private record ClaimedSession(UUID sessionId, String kioskId, String stationId, OffsetDateTime assessedAt) {
    }

    /** What a committed batch of assessments gives: the kiosks' reports and the event for the dashboards. */
    private record Filed(List<AssessedSession> assessed, KioskSessionsAssessed event) {
        static final Filed NOTHING = new Filed(List.of(), new KioskSessionsAssessed(null, List.of(), List.of()));
    }

    private record StoredReading(UUID readingId, OffsetDateTime takenAt, UUID residentId, String kind, Sex sex,
            LocalDate birthDate, String masked, List<Measurement> measurements) {
    }

    /** A session assessed in this transaction: its kiosk report and the account rows it gives. */
    record AssessedSession(UUID sessionId, String kioskId, UUID reportId, ReportLevel level, JsonObject report) {
    }

    private Uni<Filed> assessClaimed(SqlClient sql, Map<UUID, ClaimedSession> sessions) {
        return sql.preparedQuery("""
                select session_id, reading_id, taken_at, subject_kind, resident_id, subject_sex, subject_birth_date,
                       subject_masked, measurements
                from kiosk_reading where session_id = any($1) order by taken_at, reading_id""")
                .execute(Tuple.of(sessions.keySet().toArray(UUID[]::new)))
                .chain(rows -> {
                    Map<UUID, List<StoredReading>> readings = new HashMap<>();
                    rows.forEach(row -> readings.computeIfAbsent(row.getUUID("session_id"), s -> new ArrayList<>())
                            .add(new StoredReading(row.getUUID("reading_id"), row.getOffsetDateTime("taken_at"),
                                    row.getUUID("resident_id"), row.getString("subject_kind"),
                                    row.getString("subject_sex") == null ? null : Sex.valueOf(row.getString("subject_sex")),
                                    row.getLocalDate("subject_birth_date"), row.getString("subject_masked"),
                                    StoredMeasurements.fromJson(row.getJsonObject("measurements")))));
                    Filing filing = new Filing();
                    for (ClaimedSession session : sessions.values()) {
                        filing.add(session, readings.getOrDefault(session.sessionId(), List.of()));
                    }
                    return filing.write(sql);
                });
    }

    /** The rows a batch of assessed sessions gives, written a statement per kind. */
    private final class Filing {
        private final List<AssessedSession> assessed = new ArrayList<>();
        private final List<SessionReport> accountReports = new ArrayList<>();
        private final List<AlertDraft> alerts = new ArrayList<>();
        private final List<CheckUp> checkUps = new ArrayList<>();
        private final List<KioskSessionsAssessed.Session> kinds = new ArrayList<>();
        private OffsetDateTime assessedAt;

        void add(ClaimedSession session, List<StoredReading> readings) {
            assessedAt = session.assessedAt();
            LocalDate day = session.assessedAt().atZoneSameInstant(ShanghaiTime.ZONE).toLocalDate();
            List<Measurement> measured = readings.stream().flatMap(r -> r.measurements().stream()).toList();
            Assessment assessment = engine.assess(person(readings, day), measured);
            metrics.assessed(assessment.level());

            Optional<StoredReading> owned = readings.stream().filter(r -> r.residentId() != null).reduce((a, b) -> b);
            String masked = readings.stream().map(StoredReading::masked).filter(m -> m != null).findFirst().orElse(null);
            KioskReport.Account account = owned.isPresent() ? KioskReport.Account.STORED
                    : readings.stream().anyMatch(r -> "pending".equals(r.kind())) ? KioskReport.Account.PENDING
                            : KioskReport.Account.NONE;
            JsonObject report = KioskReport.of(session.sessionId(), session.kioskId(), session.assessedAt(), masked, account,
                    assessment, readingsJson(readings));
            ReportLevel level = KioskReport.level(assessment.level());
            UUID reportId = null;
            if (owned.isPresent()) {
                reportId = UUID.randomUUID();
                UUID residentId = owned.get().residentId();
                List<StoredReading> theirs = readings.stream().filter(r -> residentId.equals(r.residentId())).toList();
                List<UUID> observationIds = theirs.stream().flatMap(r -> r.measurements().stream()
                        .map(m -> AccountRecords.observationIdOf(r.readingId(), m.type().id()))).toList();
                accountReports.add(new SessionReport(reportId, residentId, session.sessionId(), session.kioskId(),
                        session.assessedAt(), level, KioskReport.content(report, observationIds)));
                alerts.addAll(alerts(residentId, assessment, theirs));
                checkUps.add(new CheckUp(residentId, session.sessionId()));
            }
            assessed.add(new AssessedSession(session.sessionId(), session.kioskId(), reportId, level, report));
            kinds.add(new KioskSessionsAssessed.Session(session.stationId(), measuredKinds(measured),
                    abnormalKinds(assessment)));
        }

        Uni<Filed> write(SqlClient sql) {
            int n = assessed.size();
            UUID[] sessionIds = new UUID[n];
            UUID[] reportIds = new UUID[n];
            String[] levels = new String[n];
            String[] kioskReports = new String[n];
            // Arrays of arrays must be rectangular: each session's kinds travel as one delimited string.
            String[] measuredKinds = new String[n];
            String[] abnormalKinds = new String[n];
            for (int i = 0; i < n; i++) {
                AssessedSession a = assessed.get(i);
                sessionIds[i] = a.sessionId();
                reportIds[i] = a.reportId();
                levels[i] = a.level().name();
                kioskReports[i] = a.report().encode();
                measuredKinds[i] = String.join(",", kinds.get(i).measuredKinds());
                abnormalKinds[i] = String.join(",", kinds.get(i).abnormalKinds());
            }
            return accounts.fileSessionReports(sql, accountReports)
                    .chain(() -> accounts.raiseAlerts(sql, assessedAt, alerts))
                    .call(() -> accounts.awardKioskCheckUps(sql, checkUps))
                    .call(() -> sql.preparedQuery("""
                            update kiosk_session s set report_id = t.report_id, level = t.level, kiosk_report = t.report::jsonb,
                                measured_kinds = string_to_array(nullif(t.measured, ''), ','),
                                abnormal_kinds = string_to_array(nullif(t.abnormal, ''), ',')
                            from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::text[], $5::text[], $6::text[])
                                 as t(session_id, report_id, level, report, measured, abnormal)
                            where s.session_id = t.session_id""")
                            .execute(Tuple.of(sessionIds, reportIds, levels, kioskReports, measuredKinds, abnormalKinds)))
                    .map(alertDistricts -> new Filed(assessed, new KioskSessionsAssessed(assessedAt, kinds, alertDistricts)));
        }
    }

    private static Set<String> measuredKinds(List<Measurement> measured) {
        Set<String> kinds = new TreeSet<>();
        measured.forEach(m -> kinds.add(m.type().id()));
        return kinds;
    }

    /** The kinds with a finding other than normal (findings about the whole session have no kind). */
    private static Set<String> abnormalKinds(Assessment assessment) {
        Set<String> kinds = new TreeSet<>();
        assessment.findings().stream().filter(f -> f.type() != null && f.level() != Level.NORMAL)
                .forEach(f -> kinds.add(f.type().id()));
        return kinds;
    }

    /** What the family doctor must act on: findings at "see your doctor" or worse, each with its reading. */
    private static List<AlertDraft> alerts(UUID residentId, Assessment assessment, List<StoredReading> readings) {
        Map<MeasurementType, UUID> latestReadingOf = new HashMap<>();
        readings.forEach(r -> r.measurements().forEach(m -> latestReadingOf.put(m.type(), r.readingId())));
        List<AlertDraft> drafts = new ArrayList<>();
        for (Finding f : assessment.findings()) {
            if (f.level().compareTo(Level.SEE_DOCTOR) >= 0) {
                UUID reading = f.type() == null ? null : latestReadingOf.get(f.type());
                drafts.add(new AlertDraft(residentId, reading == null ? null : AccountRecords.observationIdOf(reading, f.type().id()),
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
