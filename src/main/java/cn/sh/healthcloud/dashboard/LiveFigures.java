package cn.sh.healthcloud.dashboard;

import cn.sh.healthcloud.account.AccountEvents.AlertAcknowledged;
import cn.sh.healthcloud.account.AccountEvents.ContractEnded;
import cn.sh.healthcloud.account.AccountEvents.ContractSigned;
import cn.sh.healthcloud.kiosk.KioskReadingsStored;
import cn.sh.healthcloud.kiosk.KioskSessionsAssessed;
import cn.sh.healthcloud.kiosk.KioskStatusChanged;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Counts what the other features committed, as it happens, into the live slice of the database time
 * the row carries, and tells every replica the figures changed. A count lost here (Redis away, the
 * service stopped after the commit) is made good when the reconciler settles that slice.
 */
@ApplicationScoped
class LiveFigures {

    private static final Logger LOG = Logger.getLogger(LiveFigures.class);

    private final Redis redis;
    private final DashboardConfig config;
    private final DashboardViews views;
    private final Counter failures;
    private final Timer delay;

    LiveFigures(Redis redis, DashboardConfig config, DashboardViews views, MeterRegistry meters) {
        this.redis = redis;
        this.config = config;
        this.views = views;
        this.failures = Counter.builder("healthcloud.dashboard.live.failures")
                .description("Live counts Redis did not take (the reconciler settles them)").register(meters);
        this.delay = Timer.builder("healthcloud.dashboard.live.delay")
                .description("From the database time of stored readings to their live count in Redis")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    void readingsStored(@Observes KioskReadingsStored event) {
        FigureDelta delta = new FigureDelta();
        String slice = sliceOf(event.receivedAt());
        for (KioskReadingsStored.Reading r : event.readings()) {
            String district = FigureKeys.districtOf(r.stationId());
            delta.count(slice, district, Metric.READINGS, 1).served(FigureKeys.dayOf(event.receivedAt().toInstant()),
                    district, r.subject());
        }
        long at = event.receivedAt().toInstant().toEpochMilli();
        write(delta, () -> delay.record(Math.max(0, System.currentTimeMillis() - at), java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    void sessionsAssessed(@Observes KioskSessionsAssessed event) {
        FigureDelta delta = new FigureDelta();
        String slice = sliceOf(event.assessedAt());
        for (KioskSessionsAssessed.Session s : event.sessions()) {
            String district = FigureKeys.districtOf(s.stationId());
            s.measuredKinds().forEach(kind -> delta.count(slice, district, Metric.assessed(kind), 1));
            s.abnormalKinds().forEach(kind -> delta.count(slice, district, Metric.abnormal(kind), 1));
        }
        event.alertDistricts().forEach(district -> delta.count(slice, district, Metric.ALERTS, 1));
        write(delta);
    }

    void alertAcknowledged(@Observes AlertAcknowledged event) {
        write(new FigureDelta().count(sliceOf(event.acknowledgedAt()), FigureKeys.districtOf(event.stationId()),
                Metric.ACKNOWLEDGED, 1));
    }

    void contractSigned(@Observes ContractSigned event) {
        String slice = sliceOf(event.signedAt());
        String district = FigureKeys.districtOf(event.communityCentreId());
        write(new FigureDelta().count(slice, district, Metric.SIGNED, 1)
                .count(slice, district, Metric.SIGNED_PRIORITY, event.inPriorityGroup() ? 1 : 0));
    }

    void contractEnded(@Observes ContractEnded event) {
        String slice = sliceOf(event.endedAt());
        String district = FigureKeys.districtOf(event.communityCentreId());
        write(new FigureDelta().count(slice, district, Metric.ENDED, 1)
                .count(slice, district, Metric.ENDED_PRIORITY, event.inPriorityGroup() ? 1 : 0));
    }

    /** Presence is a state, not a count: the set is corrected whole by the reconciler's next pass. */
    void kioskStatusChanged(@Observes KioskStatusChanged event) {
        String district = FigureKeys.districtOf(event.stationId());
        if (district == null) {
            return;
        }
        Request change = Request.cmd(event.online() ? Command.SADD : Command.SREM).arg(FigureKeys.online(district))
                .arg(event.kioskId());
        send(List.of(change, notice()), () -> {
        });
    }

    private String sliceOf(OffsetDateTime at) {
        return FigureKeys.live(FigureKeys.sliceStart(at == null ? Instant.now() : at.toInstant(), config.slice()));
    }

    private void write(FigureDelta delta) {
        write(delta, () -> {
        });
    }

    private void write(FigureDelta delta, Runnable counted) {
        if (delta.isEmpty()) {
            return;
        }
        List<Request> requests = new java.util.ArrayList<>(delta.incrementRequests(FigureKeys.LIVE_TTL_SECONDS));
        requests.addAll(delta.servedRequests(500));
        requests.add(notice());
        send(requests, counted);
    }

    private static Request notice() {
        return Request.cmd(Command.PUBLISH).arg(FigureKeys.CHANNEL).arg("live");
    }

    private void send(List<Request> requests, Runnable counted) {
        // This replica's own views need no round trip through pub/sub; the notice is for the others.
        redis.batch(requests).subscribe().with(done -> {
            counted.run();
            views.changed();
        }, e -> {
            failures.increment();
            LOG.debugf("Live dashboard figures not counted (%s); the reconciler settles them", e.getMessage());
        });
    }
}
