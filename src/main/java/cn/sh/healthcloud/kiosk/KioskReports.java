package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.mqtt.BrokerConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
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

    Uni<Void> publish(UUID sessionId, String kioskId, JsonObject report) {
        return broker.publish(KioskTopics.reports(kioskId), report.toBuffer())
                .chain(() -> pool.preparedQuery("update kiosk_session set report_published_at = now() where session_id = $1")
                        .execute(Tuple.of(sessionId)))
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
                .onItem().transformToUniAndMerge(row -> publish(row.getUUID("session_id"), row.getString("kiosk_id"),
                        row.getJsonObject("kiosk_report"))
                        .map(v -> 1)
                        .onFailure().recoverWithItem(e -> {
                            LOG.debugf("Report of session %s not sent yet: %s", row.getUUID("session_id"), e.getMessage());
                            return 0;
                        }))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }
}
