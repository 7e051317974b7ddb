package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.mqtt.BrokerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * This replica's share of the kiosk stream, taken with the Vert.x MQTT client directly (README,
 * "Kiosk ingestion"): a shared subscription so replicas split readings and session messages, QoS 1,
 * a persistent session under a fixed client id so nothing is lost while the replica is away, and
 * automatic acknowledgement off: a message is acknowledged only once it is committed.
 */
@ApplicationScoped
public class KioskStream {

    private static final Logger LOG = Logger.getLogger(KioskStream.class);

    private final Vertx vertx;
    private final BrokerConfig broker;
    private final KioskConfig config;
    private final IngestionPipeline pipeline;
    private final AckSequencer acks = new AckSequencer();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile MqttClient client;
    private volatile boolean subscribed;
    private volatile long reconnectDelayMs = 250;

    KioskStream(Vertx vertx, BrokerConfig broker, KioskConfig config, IngestionPipeline pipeline) {
        this.vertx = vertx;
        this.broker = broker;
        this.config = config;
        this.pipeline = pipeline;
    }

    /** Connected and subscribed: this replica is taking its share of the stream. */
    public boolean isTaking() {
        MqttClient current = client;
        return current != null && current.isConnected() && subscribed;
    }

    public String clientId() {
        return config.clientId().orElseGet(() -> broker.clientIdPrefix() + "-ingest-" + hostName());
    }

    /** Messages received and not yet acknowledged. */
    int unacknowledged() {
        return acks.waiting();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.ingestionEnabled()) {
            LOG.info("Kiosk ingestion is off on this replica");
            return;
        }
        client = MqttClient.create(vertx, options());
        // Set before connecting: a persistent session starts redelivering the moment it is resumed.
        client.publishHandler(this::arrived);
        client.closeHandler(v -> {
            subscribed = false;
            acks.reset();
            if (!stopping.get()) {
                LOG.warnf("Kiosk stream: lost the broker; unacknowledged messages will be redelivered");
                scheduleReconnect();
            }
        });
        connect();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        MqttClient current = client;
        if (current == null || !current.isConnected()) {
            return;
        }
        if (config.leaveGroupOnStop() && config.sharedSubscription()) {
            leaveGroup(current);
        } else {
            current.disconnect();
        }
    }

    /**
     * Unsubscribes from the share group (the broker sends this replica nothing more), waits until
     * what it holds is committed and acknowledged, then ends the persistent session, so no share
     * of the stream is kept for this client id.
     */
    private void leaveGroup(MqttClient current) {
        long deadline = System.nanoTime() + config.stopDrainTimeout().toNanos();
        try {
            String group = config.shareGroup();
            current.unsubscribe(List.of(KioskTopics.shared(group, KioskTopics.READINGS), KioskTopics.shared(group, KioskTopics.SESSIONS)))
                    .toCompletionStage().toCompletableFuture().get(config.stopDrainTimeout().toMillis(), TimeUnit.MILLISECONDS);
            while (acks.waiting() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            int left = acks.waiting();
            current.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (left > 0) {
                // Their session must live on, so the broker redelivers them when this id returns.
                LOG.warnf("Kiosk stream: stopping with %d messages not committed; keeping session %s", left, clientId());
                return;
            }
            MqttClient ending = MqttClient.create(vertx, options().setCleanSession(true));
            ending.connect(broker.port(), broker.host()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            ending.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            LOG.infof("Kiosk stream: left share group '%s' and ended session %s", group, clientId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Kiosk stream: leaving the share group failed (%s); the session stays", e.getMessage());
        }
    }

    private MqttClientOptions options() {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(clientId())
                .setCleanSession(false)
                .setKeepAliveInterval((int) broker.keepAlive().toSeconds())
                .setAutoKeepAlive(true)
                .setMaxMessageSize(config.maxMessageBytes())
                .setSsl(broker.ssl());
        options.setAutoAck(false);
        broker.username().ifPresent(options::setUsername);
        broker.password().ifPresent(options::setPassword);
        return options;
    }

    private void arrived(MqttPublishMessage message) {
        AckSequencer.Ticket ticket = acks.arrived(message);
        pipeline.offer(message.topicName(), message.payload().getBytes(), message.isDup(), ticket);
    }

    private void connect() {
        acks.reset();
        client.connect(broker.port(), broker.host()).onComplete(connected -> {
            if (connected.failed()) {
                if (!stopping.get()) {
                    LOG.warnf("Kiosk stream: cannot reach the broker (%s); retrying", connected.cause().getMessage());
                    scheduleReconnect();
                }
                return;
            }
            reconnectDelayMs = 250;
            String group = config.shareGroup();
            boolean shared = config.sharedSubscription();
            client.subscribe(Map.of(
                    shared ? KioskTopics.shared(group, KioskTopics.READINGS) : KioskTopics.READINGS, 1,
                    shared ? KioskTopics.shared(group, KioskTopics.SESSIONS) : KioskTopics.SESSIONS, 1,
                    // Not shared: every replica keeps the kiosk states, and retained messages are not
                    // delivered to shared subscriptions.
                    KioskTopics.STATUS, 1)).onComplete(result -> {
                        if (result.succeeded()) {
                            subscribed = true;
                            dropOtherMode(shared, group);
                            LOG.infof("Kiosk stream: taking %s as %s (session %s)",
                                    shared ? "share group '" + group + "'" : "the whole stream", clientId(),
                                    connected.result().isSessionPresent() ? "resumed" : "new");
                        } else {
                            LOG.errorf("Kiosk stream: subscribing failed (%s); reconnecting", result.cause().getMessage());
                            client.disconnect();
                        }
                    });
        });
    }

    /**
     * A resumed session keeps the subscriptions of earlier runs. After switching between shared and
     * plain, the other mode's would go on taking messages (a plain one: everything twice; a shared
     * one: a share of the group for this client), so they are dropped.
     */
    private void dropOtherMode(boolean shared, String group) {
        List<String> other = shared ? List.of(KioskTopics.READINGS, KioskTopics.SESSIONS)
                : List.of(KioskTopics.shared(group, KioskTopics.READINGS), KioskTopics.shared(group, KioskTopics.SESSIONS));
        client.unsubscribe(other).onFailure(e -> LOG.debugf("Dropping the other subscription mode failed: %s", e.getMessage()));
    }

    private void scheduleReconnect() {
        long delay = reconnectDelayMs;
        // Capped low: after a broker restart, the sooner the session is back the better (README).
        reconnectDelayMs = Math.min(delay * 2, Math.min(2_000, broker.maxReconnectDelay().toMillis()));
        vertx.setTimer(delay, id -> {
            if (!stopping.get() && !client.isConnected()) {
                connect();
            }
        });
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
