package cn.sh.healthcloud.mqtt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "healthcloud.mqtt")
public interface BrokerConfig {

    /** Host of the MQTT broker the kiosks publish to. */
    @WithDefault("localhost")
    String host();

    /** Its port (1883 plain, 8883 TLS). */
    @WithDefault("1883")
    int port();

    /** Connect with TLS. */
    @WithDefault("false")
    boolean ssl();

    /** Broker user name, if the broker requires one. */
    Optional<String> username();

    /** Broker password (from the environment or a secret, never from a committed file). */
    Optional<String> password();

    /** Prefix of this replica's client ids; the host name is appended so replicas never collide. */
    @WithDefault("healthcloud")
    String clientIdPrefix();

    /** Keep-alive interval: how fast a dead connection is noticed. */
    @WithDefault("30s")
    Duration keepAlive();

    /** Longest wait between reconnection attempts (they back off from one second). */
    @WithDefault("30s")
    Duration maxReconnectDelay();
}
