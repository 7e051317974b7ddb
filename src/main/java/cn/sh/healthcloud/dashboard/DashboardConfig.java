package cn.sh.healthcloud.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the dashboards keep their figures in Redis and converge to the database's. */
@ConfigMapping(prefix = "healthcloud.dashboard")
interface DashboardConfig {

    /** Live counters go into time slices of this length; a slice never spans midnight (it divides a day). */
    @WithDefault("5s")
    Duration slice();

    /**
     * How long after its database time a row is taken as committed. The reconciler settles the
     * figures up to now minus this margin from the database; after it, live counters count.
     */
    @WithDefault("10s")
    Duration settleMargin();

    /** How often the leading replica settles the newest interval (and refreshes appointments and kiosks). */
    @WithDefault("2s")
    Duration reconcileInterval();

    /** How often today's and yesterday's figures are recounted whole from the database. */
    @WithDefault("10m")
    Duration recountInterval();

    /**
     * How often residents by health class are counted again: a count over every active contract,
     * so not every pass; classes change with a resident's data, a few at a time.
     */
    @WithDefault("1m")
    Duration classesInterval();

    /** How long a replica gathers change notices before it rebuilds its views. */
    @WithDefault("100ms")
    Duration viewDelay();

    /** Views are rebuilt at least this often (day changes, a missed notice). */
    @WithDefault("5s")
    Duration viewRefresh();

    /** An SSE comment is sent this often so that proxies keep an idle stream open. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Whether this replica may lead the reconciliation (one replica leads at a time, by a Redis lease). */
    @WithDefault("true")
    boolean reconcilerEnabled();

    /** The OIDC client the dashboard web page logs in with. */
    Page page();

    interface Page {
        /** The realm URL the page sends people to log in (authorization code + PKCE); the service's issuer by default. */
        @WithDefault("${quarkus.oidc.auth-server-url:}")
        Optional<String> authServerUrl();

        @WithDefault("healthcloud-dashboard")
        String clientId();
    }
}
