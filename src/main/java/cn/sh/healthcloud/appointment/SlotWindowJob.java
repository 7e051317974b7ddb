package cn.sh.healthcloud.appointment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Keeps the rolling window of slots filled as days pass, and forgets old Idempotency-Keys. Safe on
 * every replica at once: materialising is idempotent, and deleting twice deletes nothing more.
 */
@ApplicationScoped
class SlotWindowJob {

    private static final Logger LOG = Logger.getLogger(SlotWindowJob.class);

    private final SchedulePublisher publisher;
    private final Pool pool;
    private final AppointmentConfig config;
    private final Clock clock;

    SlotWindowJob(SchedulePublisher publisher, Pool pool, AppointmentConfig config, Clock clock) {
        this.publisher = publisher;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${healthcloud.appointment.window-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return publisher.extendWindow()
                .invoke(created -> {
                    if (created > 0) {
                        LOG.infof("Materialised %d new appointment slots", created);
                    }
                })
                .chain(() -> pool.preparedQuery(BookingStatements.FORGET_REQUESTS)
                        .execute(Tuple.of(OffsetDateTime.now(clock).minus(config.idempotencyRetention()))))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("The appointment window job failed: %s", e.toString());
                    return null;
                });
    }
}
