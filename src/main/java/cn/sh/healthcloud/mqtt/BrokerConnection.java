package cn.sh.healthcloud.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * This replica's link to the MQTT broker for what the service publishes (reports and rejections
 * to kiosks), kept up with back-off reconnects. Readiness reports it. A QoS 1 publish completes
 * when the broker has acknowledged it, not when it was written to the socket.
 */
@ApplicationScoped
public class BrokerConnection {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    private final Vertx vertx;
    private final BrokerConfig config;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile MqttClient client;
    private volatile long reconnectDelayMs = 1000;
    /** Publishes awaiting the broker's PUBACK, by packet id; failed when the connection drops. */
    private final Map<Integer, Promise<Void>> awaitingAck = new ConcurrentHashMap<>();

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
                .setAutoKeepAlive(true)
                // Reports to many kiosks at once; each waits for its PUBACK.
                .setMaxInflightQueue(1000);
        config.username().ifPresent(options::setUsername);
        config.password().ifPresent(options::setPassword);
        client = MqttClient.create(vertx, options);
        client.publishCompletionHandler(id -> complete(id, null));
        client.publishCompletionExpirationHandler(id -> complete(id, "no acknowledgement from the broker"));
        client.closeHandler(v -> {
            awaitingAck.keySet().forEach(id -> complete(id, "the connection to the broker closed"));
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

    /** Publishes with QoS 1; the item arrives once the broker acknowledged the message. */
    public Uni<Void> publish(String topic, Buffer payload) {
        MqttClient current = client;
        if (current == null || !current.isConnected()) {
            return Uni.createFrom().failure(new IllegalStateException("Not connected to the MQTT broker"));
        }
        return Uni.createFrom().emitter(emitter -> {
            try {
                current.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, false).onComplete(sent -> {
                    if (sent.failed()) {
                        emitter.fail(sent.cause());
                        return;
                    }
                    Promise<Void> acked = Promise.promise();
                    acked.future().onComplete(ack -> {
                        if (ack.succeeded()) {
                            emitter.complete(null);
                        } else {
                            emitter.fail(ack.cause());
                        }
                    });
                    awaitingAck.put(sent.result(), acked);
                });
            } catch (RuntimeException e) {
                // The client refuses at once when its in-flight window is full.
                emitter.fail(e);
            }
        });
    }

    private void complete(int packetId, String failure) {
        Promise<Void> promise = awaitingAck.remove(packetId);
        if (promise != null) {
            if (failure == null) {
                promise.tryComplete();
            } else {
                promise.tryFail(failure);
            }
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
