package cn.sh.healthcloud.kiosk;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What must happen even when no message arrives to trigger it: sessions that timed out (or were
 * complete when a replica stopped) are assessed, reports the broker never acknowledged are sent
 * again, and readings of cards linked since are attached to their accounts.
 */
@ApplicationScoped
class KioskSweeper {

    private static final Logger LOG = Logger.getLogger(KioskSweeper.class);

    private final SessionAssessor assessor;
    private final KioskReports reports;
    private final PendingSubjects pending;

    KioskSweeper(SessionAssessor assessor, KioskReports reports, PendingSubjects pending) {
        this.assessor = assessor;
        this.reports = reports;
        this.pending = pending;
    }

    @Scheduled(every = "${healthcloud.kiosk.sweep-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return assessor.assessDue()
                .invoke(n -> log(n, "sessions assessed by the sweep"))
                .chain(() -> reports.publishUnacknowledged()).invoke(n -> log(n, "reports sent again"))
                .chain(() -> pending.attachLinked()).invoke(n -> log(n, "cards attached to the accounts that linked them"))
                .onFailure().invoke(e -> LOG.warnf("Kiosk sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static void log(int count, String what) {
        if (count > 0) {
            LOG.infof("%d %s", count, what);
        }
    }
}
