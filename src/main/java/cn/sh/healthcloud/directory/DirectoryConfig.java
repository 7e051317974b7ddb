package cn.sh.healthcloud.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "healthcloud.directory")
public interface DirectoryConfig {

    /** Search radius in metres when a query gives {@code near} without {@code radius}. */
    @WithDefault("3000")
    int defaultRadiusMeters();

    /** Largest radius a query may ask for, in metres (Shanghai is ~120 km across). */
    @WithDefault("50000")
    int maxRadiusMeters();

    /** Results per page when a query gives no {@code size}. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page a query may ask for. */
    @WithDefault("100")
    int maxPageSize();

    /** Walking speed for the time estimate, metres per minute (4.5 km/h: older residents walk slower). */
    @WithDefault("75")
    double walkingMetersPerMinute();

    /** Street distance over straight-line distance, for the walking estimate. */
    @WithDefault("1.25")
    double walkingDetourFactor();

    /** How often each replica pulls directory changes that other replicas wrote. */
    @WithDefault("2s")
    Duration refreshInterval();

    /**
     * How far back each refresh looks before the newest change it has seen, so that a change whose
     * transaction committed late is still picked up.
     */
    @WithDefault("60s")
    Duration refreshOverlap();

    /** The synthetic Shanghai directory loaded into an empty database (development and demos). */
    Seed seed();

    interface Seed {
        /** Load the synthetic directory at start-up when the station table is empty. */
        @WithDefault("false")
        boolean enabled();
    }
}
