package cn.sh.healthcloud.mqtt;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * This replica's link to the MQTT broker, kept up with back-off reconnects. Readiness reports it;
 * kiosk ingestion and report publishing build on the same broker settings.
 */
@ApplicationScoped
public class BrokerConnection {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    private final Vertx vertx;
    private final BrokerConfig config;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile MqttClient client;
    private volatile long reconnectDelayMs = 1000;

    BrokerConnection(Vertx vertx, BrokerConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public boolean isConnected() {
        MqttClient current = client;
        return current != null && current.isConnected();
    }

    public String endpoint() {
        return (config.ssl() ? "mqtts://" : "mqtt://") + config.host() + ":" + config.port();
    }

    void onStart(@Observes StartupEvent event) {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(config.clientIdPrefix() + "-link-" + hostName() + "-" + UUID.randomUUID().toString().substring(0, 8))
                .setCleanSession(true)
                .setKeepAliveInterval((int) config.keepAlive().toSeconds())
                .setSsl(config.ssl())
                .setAutoKeepAlive(true);
        config.username().ifPresent(options::setUsername);
        config.password().ifPresent(options::setPassword);
        client = MqttClient.create(vertx, options);
        client.closeHandler(v -> {
            if (!stopping.get()) {
                LOG.warnf("Lost the MQTT broker at %s; reconnecting", endpoint());
                scheduleReconnect();
            }
        });
        connect();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
    }

    private void connect() {
        client.connect(config.port(), config.host()).onComplete(result -> {
            if (result.succeeded()) {
                reconnectDelayMs = 1000;
                LOG.infof("Connected to the MQTT broker at %s", endpoint());
            } else if (!stopping.get()) {
                LOG.warnf("Cannot reach the MQTT broker at %s (%s); retrying", endpoint(), result.cause().getMessage());
                scheduleReconnect();
            }
        });
    }

    private void scheduleReconnect() {
        long delay = reconnectDelayMs;
        reconnectDelayMs = Math.min(delay * 2, config.maxReconnectDelay().toMillis());
        vertx.setTimer(delay, id -> {
            if (!stopping.get() && !isConnected()) {
                connect();
            }
        });
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
