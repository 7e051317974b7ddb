package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.mqtt.BrokerConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Tells a kiosk that a message of its was refused, and why, on healthcloud/kiosks/{kioskId}/rejected.
 * The rejection is already recorded when this runs; the notice is for the kiosk's operator.
 */
@ApplicationScoped
class RejectionNotices {

    private static final Logger LOG = Logger.getLogger(RejectionNotices.class);

    private final BrokerConnection broker;

    RejectionNotices(BrokerConnection broker) {
        this.broker = broker;
    }

    void publish(List<Rejection> rejections) {
        for (Rejection r : rejections) {
            if (r.kioskId() == null || !KioskMessageReader.isValidKioskId(r.kioskId())) {
                continue;
            }
            JsonArray problems = new JsonArray();
            r.problems().forEach(p -> problems.add(new JsonObject().put("field", p.field()).put("message", p.message())));
            JsonObject notice = new JsonObject().put("reason", r.reason()).put("problems", problems);
            if (r.readingId() != null) {
                notice.put("readingId", r.readingId().toString());
            }
            broker.publish(KioskTopics.rejected(r.kioskId()), notice.toBuffer()).subscribe().with(v -> {
            }, e -> LOG.debugf("Rejection notice to kiosk %s not sent: %s", r.kioskId(), e.getMessage()));
        }
    }
}
