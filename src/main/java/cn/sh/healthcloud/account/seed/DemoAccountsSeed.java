package cn.sh.healthcloud.account.seed;

import cn.sh.healthcloud.account.AccountConfig;
import cn.sh.healthcloud.account.DemoAccounts;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * In development, gives the local Keycloak's doctor1 two signed residents (resident1, resident2)
 * with 90 days of measurements, so a newcomer logs in to a living account. Runs after the
 * directory seed (doctor1's centre must exist) and only once: nothing is added if doctor1 is
 * already a practitioner.
 */
@ApplicationScoped
class DemoAccountsSeed {

    private static final Logger LOG = Logger.getLogger(DemoAccountsSeed.class);

    private final DemoAccounts demo;
    private final boolean enabled;

    DemoAccountsSeed(DemoAccounts demo, AccountConfig config) {
        this.demo = demo;
        this.enabled = config.demoSeed();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            int added = VertxContextSupport.subscribeAndAwait(demo::seedIfAbsent);
            if (added > 0) {
                LOG.infof("Seeded the demo accounts: doctor1 with 2 signed residents, %d observations", added);
            }
        } catch (Throwable e) {
            LOG.errorf("Demo accounts not seeded: %s", e.toString());
        }
    }
}
