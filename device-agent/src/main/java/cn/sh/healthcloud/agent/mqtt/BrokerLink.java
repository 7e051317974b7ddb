package cn.sh.healthcloud.agent.mqtt;

import cn.sh.healthcloud.agent.config.AgentConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The kiosk's one MQTT connection (Paho, MQTT 3.1.1), with its fixed client id.
 *
 * <ul>
 * <li><b>Persistent session</b> ({@code cleanSession=false}): the broker keeps the reports
 * subscription and queues reports while the kiosk is away, so a report assessed during a network
 * blip is still printed. Paho's own in-flight state is kept in memory only: the outbox is the
 * journal, and {@link OutboxPublisher} publishes from it again on every connection.</li>
 * <li><b>Reconnects</b>: Paho's automatic reconnect (1 s doubling to 30 s) after a connection was
 * lost; the first connection is retried here the same way, since Paho does not.</li>
 * <li><b>Presence</b>: on every connect a retained {@code online} status; the last will is a
 * retained {@code offline}; a clean stop publishes {@code offline} itself before disconnecting.</li>
 * <li><b>Reports</b> are acknowledged manually, after the handler (the printer) returned, on a
 * thread of their own so a slow printer never holds up the acknowledgements of readings.</li>
 * </ul>
 */
public final class BrokerLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerLink.class.getName());
    private static final int MAX_RECONNECT_DELAY_MS = 30_000;

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final KioskTopics topics;
    private final String kioskId;
    private final String stationId;
    private final Clock clock;
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mqtt-connect").daemon().factory());
    private final ExecutorService reports = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("report-printer").daemon().factory());
    private volatile Consumer<byte[]> reportHandler = payload -> {
    };
    private volatile boolean closing;

    public BrokerLink(AgentConfig.Broker broker, String kioskId, String stationId, Clock clock)
            throws MqttException, IOException, GeneralSecurityException {
        this.kioskId = kioskId;
        this.stationId = stationId;
        this.clock = clock;
        this.topics = new KioskTopics(kioskId);
        this.client = new MqttAsyncClient(broker.url(), broker.clientId(), new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MS);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        // Room for Paho's resend of the last connection's in-flight messages next to the publisher's new window.
        options.setMaxInflight(2 * broker.maxInflight() + 10);
        options.setWill(topics.status(), KioskStatus.offlineWill(kioskId, stationId), 1, true);
        broker.username().ifPresent(options::setUserName);
        broker.password().ifPresent(p -> options.setPassword(p.toCharArray()));
        if (broker.tls()) {
            options.setSocketFactory(TlsSockets.of(broker));
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    /** Runs (on Paho's thread) after every successful connection, the first and each reconnection. */
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    /** Receives each report's payload, on a thread of its own; the report is acknowledged when it returns. */
    public void onReport(Consumer<byte[]> handler) {
        this.reportHandler = handler;
    }

    public void start() {
        connector.execute(() -> connect(1_000));
    }

    private void connect(long delayMs) {
        if (closing) {
            return;
        }
        try {
            client.connect(options).waitForCompletion();
        } catch (MqttException e) {
            long next = Math.min(2 * delayMs, MAX_RECONNECT_DELAY_MS);
            LOG.warning("Cannot connect to the broker (" + e.getMessage() + "); trying again in " + delayMs / 1000 + " s");
            connector.schedule(() -> connect(next), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes with QoS 1; {@code listener} hears of the PUBACK. Throws when not connected. */
    public IMqttDeliveryToken publish(String topic, byte[] payload, Object context, IMqttActionListener listener)
            throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        return client.publish(topic, message, context, listener);
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info((reconnect ? "Reconnected" : "Connected") + " to the broker " + serverUri);
            try {
                MqttMessage online = new MqttMessage(KioskStatus.online(kioskId, stationId, OffsetDateTime.now(clock)));
                online.setQos(1);
                online.setRetained(true);
                client.publish(topics.status(), online);
                client.subscribe(topics.reports(), 1);
            } catch (MqttException e) {
                LOG.warning("Status or report subscription not sent (" + e.getMessage() + "); the next connection tries again");
            }
            connectedListeners.forEach(Runnable::run);
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warning("Lost the broker (" + cause.getMessage() + "); reconnecting, readings wait in the outbox");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (!topic.equals(topics.reports())) {
                acknowledge(message);
                return;
            }
            reports.execute(() -> {
                try {
                    reportHandler.accept(message.getPayload());
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "A report could not be handled", e);
                }
                acknowledge(message);
            });
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // The publisher's action listeners hear of each PUBACK.
        }
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            // The connection went away: the broker sends the report again and the printer skips it by sessionId.
            LOG.fine(() -> "Report acknowledgement not sent: " + e.getMessage());
        }
    }

    /** Publishes the retained offline status, then disconnects cleanly (so the last will is not sent). */
    @Override
    public void close() {
        closing = true;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                MqttMessage offline = new MqttMessage(KioskStatus.offline(kioskId, stationId, OffsetDateTime.now(clock)));
                offline.setQos(1);
                offline.setRetained(true);
                client.publish(topics.status(), offline).waitForCompletion(2_000);
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.warning("Clean disconnect failed (" + e.getMessage() + "); the broker will send the last will");
        }
        reports.shutdown();
        try {
            reports.awaitTermination(5, TimeUnit.SECONDS);
            client.close(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            LOG.fine(() -> "Closing the MQTT client: " + e.getMessage());
        }
    }
}
