package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.AccountRecords;
import cn.sh.healthcloud.account.AccountRecords.CheckUp;
import cn.sh.healthcloud.account.AccountRecords.KioskObservation;
import cn.sh.healthcloud.account.AccountRecords.SessionReport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gives readings taken with a card no account had linked to the account that links it later: its
 * measurements become observations and its assessed sessions' reports are filed, all in one
 * transaction per card. Found by the keyed hash, so no card number is opened to do it.
 */
@ApplicationScoped
class PendingSubjects {

    private final Pool pool;
    private final AccountRecords accounts;

    PendingSubjects(Pool pool, AccountRecords accounts) {
        this.pool = pool;
        this.accounts = accounts;
    }

    /** Attaches every pending subject whose card an account has linked since; returns how many. */
    Uni<Integer> attachLinked() {
        return pool.preparedQuery("""
                select p.id, r.id as resident_id from pending_subject p
                join resident r on (p.kind = 'resident-id-card' and r.national_id_lookup = p.lookup)
                                or (p.kind = 'medical-insurance-card' and r.insurance_card_lookup = p.lookup)
                where p.attached_to is null limit 100""")
                .execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> attach(row.getUUID("id"), row.getUUID("resident_id")))
                .collect().with(Collectors.summingInt(attached -> attached ? 1 : 0));
    }

    private Uni<Boolean> attach(UUID pendingId, UUID residentId) {
        return pool.withTransaction(sql -> sql.preparedQuery("""
                update pending_subject set attached_to = $2, attached_at = now() where id = $1 and attached_to is null""")
                .execute(Tuple.of(pendingId, residentId))
                .chain(claimed -> claimed.rowCount() == 0 ? Uni.createFrom().item(false)
                        : moveReadings(sql, pendingId, residentId).replaceWith(true)));
    }

    private Uni<Void> moveReadings(SqlClient sql, UUID pendingId, UUID residentId) {
        return sql.preparedQuery("""
                update kiosk_reading set subject_kind = 'resident', resident_id = $2
                where pending_subject_id = $1 and subject_kind = 'pending'
                returning reading_id, kiosk_id, session_id, taken_at, measurements""")
                .execute(Tuple.of(pendingId, residentId))
                .chain(rows -> {
                    List<KioskObservation> observations = new ArrayList<>();
                    Map<UUID, List<UUID>> observationsBySession = new HashMap<>();
                    rows.forEach(row -> {
                        UUID readingId = row.getUUID("reading_id");
                        OffsetDateTime takenAt = row.getOffsetDateTime("taken_at");
                        StoredMeasurements.fromJson(row.getJsonObject("measurements")).forEach(m -> {
                            observations.add(new KioskObservation(residentId, readingId, row.getString("kiosk_id"), takenAt, m));
                            observationsBySession.computeIfAbsent(row.getUUID("session_id"), s -> new ArrayList<>())
                                    .add(AccountRecords.observationIdOf(readingId, m.type().id()));
                        });
                    });
                    return accounts.addKioskObservations(sql, observations)
                            .chain(() -> fileReports(sql, residentId, observationsBySession));
                });
    }

    /** Sessions already assessed while their card was unknown get their report filed in the account now. */
    private Uni<Void> fileReports(SqlClient sql, UUID residentId, Map<UUID, List<UUID>> observationsBySession) {
        if (observationsBySession.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sql.preparedQuery("""
                select session_id, kiosk_id, assessed_at, kiosk_report from kiosk_session
                where session_id = any($1) and assessed_at is not null and report_id is null""")
                .execute(Tuple.of(observationsBySession.keySet().toArray(UUID[]::new)))
                .chain(rows -> {
                    List<SessionReport> reports = new ArrayList<>();
                    List<CheckUp> checkUps = new ArrayList<>();
                    rows.forEach(row -> {
                        UUID sessionId = row.getUUID("session_id");
                        var report = row.getJsonObject("kiosk_report");
                        reports.add(new SessionReport(UUID.randomUUID(), residentId, sessionId, row.getString("kiosk_id"),
                                row.getOffsetDateTime("assessed_at"), KioskReport.levelOf(report.getString("level")),
                                KioskReport.content(report, observationsBySession.get(sessionId))));
                        checkUps.add(new CheckUp(residentId, sessionId));
                    });
                    return accounts.fileSessionReports(sql, reports)
                            .chain(() -> accounts.awardKioskCheckUps(sql, checkUps))
                            .chain(() -> sql.preparedQuery("""
                                    update kiosk_session s set report_id = t.report_id
                                    from unnest($1::uuid[], $2::uuid[]) as t(session_id, report_id)
                                    where s.session_id = t.session_id""")
                                    .execute(Tuple.of(reports.stream().map(SessionReport::sessionId).toArray(UUID[]::new),
                                            reports.stream().map(SessionReport::reportId).toArray(UUID[]::new))));
                })
                .replaceWithVoid();
    }
}
