package cn.sh.healthcloud.kiosk;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Development data: one kiosk, K-{station id}, at every seeded smart-health station that has none.
 * Runs after the directory's own start-up seeding (a later observer priority).
 */
@ApplicationScoped
class KioskSeed {

    private static final Logger LOG = Logger.getLogger(KioskSeed.class);

    private final Pool pool;
    private final boolean enabled;

    KioskSeed(Pool pool, KioskConfig config) {
        this.pool = pool;
        this.enabled = config.seed().enabled();
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            int added = VertxContextSupport.subscribeAndAwait(() -> pool.query("""
                    insert into kiosk (id, station_id, label)
                    select 'K-' || s.id, s.id, s.name || ' 自助健康检测一体机' from station s
                    where s.type = 'smart-health-station' and not exists (select 1 from kiosk k where k.station_id = s.id)
                    on conflict (id) do nothing""").execute().map(rows -> rows.rowCount()));
            if (added > 0) {
                LOG.infof("Seeded %d kiosks at smart-health stations", added);
            }
        } catch (Throwable e) {
            LOG.errorf("Kiosk seed failed: %s", e.toString());
        }
    }
}
