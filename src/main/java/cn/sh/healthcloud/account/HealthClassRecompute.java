package cn.sh.healthcloud.account;

import cn.sh.healthcloud.account.AccountEvents.ResidentDataChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Recomputes residents' classes after their data changed, off the request and ingestion paths: a
 * resident waits here once however many changes arrive meanwhile (a kiosk session brings several
 * readings), and at most {@link #CONCURRENT} recomputes run at a time, so a burst of kiosk traffic
 * costs the database a bounded trickle. A resident taken off the queue can be queued again at once,
 * so a change committed during their recompute is recomputed after it.
 */
@ApplicationScoped
public class HealthClassRecompute {

    private static final Logger LOG = Logger.getLogger(HealthClassRecompute.class);

    static final int CONCURRENT = 2;
    /** About 100 bytes a resident; beyond this a class stays as it was until the resident's next change. */
    static final int MAX_QUEUED = 100_000;

    private final Queue<UUID> due = new ConcurrentLinkedQueue<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final ResidentStratifications stratifications;
    private final Pool pool;

    HealthClassRecompute(ResidentStratifications stratifications, Pool pool) {
        this.stratifications = stratifications;
        this.pool = pool;
    }

    void onDataChanged(@Observes ResidentDataChanged event) {
        if (event.residentId() != null) {
            later(List.of(event.residentId()));
        } else if (event.subject() != null) {
            pool.preparedQuery("select id from resident where subject = $1").execute(Tuple.of(event.subject()))
                    .subscribe().with(rows -> rows.forEach(row -> later(List.of(row.getUUID("id")))),
                            e -> LOG.warnf("Finding a resident to reclassify failed (%s)", e.getMessage()));
        }
    }

    /** Queues these residents' recomputes; ids that are no resident (pending kiosk subjects) come to nothing. */
    public void later(Collection<UUID> residentIds) {
        for (UUID id : residentIds) {
            if (queued.size() >= MAX_QUEUED) {
                LOG.warnf("Health class recompute queue full (%d); a class waits for its resident's next change", MAX_QUEUED);
                break;
            }
            if (queued.add(id)) {
                due.add(id);
            }
        }
        pump();
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
            queued.remove(id);
            Uni.createFrom().deferred(() -> stratifications.recompute(id))
                    .subscribe().with(done -> finished(), e -> {
                        LOG.warnf("Recomputing a health class failed (%s); it is recomputed with the next change",
                                e.getMessage());
                        finished();
                    });
        }
    }

    private void finished() {
        running.decrementAndGet();
        pump();
    }

    /** For tests: nothing waiting and nothing running. */
    boolean idle() {
        return due.isEmpty() && running.get() == 0;
    }
}
