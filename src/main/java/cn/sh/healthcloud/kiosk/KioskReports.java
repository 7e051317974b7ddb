package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.mqtt.BrokerConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends each session's report to its kiosk (QoS 1) and marks it sent once the broker acknowledged
 * it. A report the broker did not acknowledge (broker away, replica stopped in between) is sent
 * again by the sweep; kiosks print a session's report once, by sessionId.
 */
@ApplicationScoped
class KioskReports {

    private static final Logger LOG = Logger.getLogger(KioskReports.class);

    private final BrokerConnection broker;
    private final Pool pool;

    KioskReports(BrokerConnection broker, Pool pool) {
        this.broker = broker;
        this.pool = pool;
    }

    /**
     * Sends the reports of sessions just assessed, all at once, and marks those the broker
     * acknowledged in one statement. Never fails: what was not sent is left to the sweep.
     */
    Uni<Void> publishAll(List<SessionAssessor.AssessedSession> assessed) {
        if (assessed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(assessed)
                .onItem().transformToUniAndMerge(a -> broker.publish(KioskTopics.reports(a.kioskId()), a.report().toBuffer())
                        .map(sent -> a.sessionId())
                        .onFailure().recoverWithItem(e -> {
                            LOG.debugf("Report of session %s not sent yet (%s); the sweep sends it", a.sessionId(), e.getMessage());
                            return null;
                        }))
                .filter(java.util.Objects::nonNull)
                .collect().asList()
                .chain(this::markSent)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("Marking reports sent failed (%s); the sweep sends them again", e.getMessage());
                    return null;
                });
    }

    private Uni<Void> markSent(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update kiosk_session set report_published_at = now() where session_id = any($1)")
                .execute(Tuple.of(sessionIds.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /** Reports assessed a while ago and still not acknowledged by the broker. */
    Uni<Integer> publishUnacknowledged() {
        return pool.preparedQuery("""
                select session_id, kiosk_id, kiosk_report from kiosk_session
                where assessed_at is not null and report_published_at is null and assessed_at < now() - interval '5 seconds'
                order by assessed_at limit 200""")
                .execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndMerge(row -> broker.publish(KioskTopics.reports(row.getString("kiosk_id")),
                                row.getJsonObject("kiosk_report").toBuffer())
                        .map(sent -> row.getUUID("session_id"))
                        .onFailure().recoverWithItem(e -> {
                            LOG.debugf("Report of session %s not sent yet: %s", row.getUUID("session_id"), e.getMessage());
                            return null;
                        }))
                .filter(java.util.Objects::nonNull)
                .collect().asList()
                .call(this::markSent)
                .map(List::size);
    }
}
