package cn.sh.healthcloud.kiosk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "healthcloud.kiosk")
public interface KioskConfig {

    /** Take kiosk messages from the broker at all (off: the replica serves HTTP only). */
    @WithDefault("true")
    boolean ingestionEnabled();

    /**
     * Take readings and session messages through a shared subscription, so the replicas of one
     * deployment split the stream. Off: a plain subscription, for a single replica on a broker
     * that loses shared-subscription messages across its own restart (Mosquitto 2.0.11; README).
     */
    @WithDefault("true")
    boolean sharedSubscription();

    /** The shared-subscription group: the replicas of one deployment split the stream between them. */
    @WithDefault("healthcloud")
    String shareGroup();

    /**
     * This replica's MQTT client id for ingestion. It must survive restarts (a persistent session
     * keeps what arrived while the replica was away) and differ between replicas; the default is
     * the host name, which a Kubernetes StatefulSet keeps stable.
     */
    Optional<String> clientId();

    /**
     * On a graceful stop, leave the share group and end this replica's session once what it holds
     * is committed, so the broker gives the stream to the others at once instead of keeping a share
     * for a client id that may never come back (a Deployment's pods get new names). Only for
     * deployments that always keep another replica in the group: a group left empty loses what is
     * published meanwhile.
     */
    @WithDefault("false")
    boolean leaveGroupOnStop();

    /** How long a stopping replica waits for the messages it holds to be committed and acknowledged. */
    @WithDefault("10s")
    Duration stopDrainTimeout();

    /** Most readings written in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** Longest a reading waits for its batch to fill before the batch is written anyway. */
    @WithDefault("5ms")
    Duration batchDelay();

    /** Batches written at the same time (each holds one database connection). */
    @WithDefault("4")
    int concurrentBatches();

    /** Largest message accepted; the broker's max_packet_size must not be larger. */
    @WithDefault("262144")
    int maxMessageBytes();

    /** Kiosk clocks drift; a reading "from the future" beyond this is refused. */
    @WithDefault("5m")
    Duration clockSkew();

    /** A session with no close message is assessed this long after it opened, with what arrived. */
    @WithDefault("15m")
    Duration sessionTimeout();

    /** A closed session whose listed readings never all arrive is assessed this long after the close. */
    @WithDefault("2m")
    Duration closedSessionGrace();

    /** How often sessions due for assessment and reports not yet acknowledged by the broker are looked for. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Development data: a kiosk at every seeded smart-health station. */
    Seed seed();

    interface Seed {
        @WithDefault("false")
        boolean enabled();
    }
}
