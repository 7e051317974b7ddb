package cn.sh.healthcloud.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What arrives on the broker for one kiosk (all its topics, QoS 1), with a persistent session so
 * nothing published while it reconnects after a broker restart is missed.
 */
final class BrokerWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String kind, JsonNode json, boolean retained) {
    }

    private final MqttClient client;
    private final String prefix;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    BrokerWatcher(LocalBroker broker, String kioskId) throws MqttException {
        this.prefix = "healthcloud/kiosks/" + kioskId + "/";
        client = new MqttClient(broker.url(), "it-watcher-" + kioskId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000);
        client.connect(options);
        client.subscribe(prefix + "#", 1, (topic, message) -> received.add(parse(topic, message)));
    }

    private Received parse(String topic, MqttMessage message) throws IOException {
        return new Received(topic.substring(prefix.length()), JSON.readTree(message.getPayload()), message.isRetained());
    }

    List<JsonNode> of(String kind) {
        return received.stream().filter(r -> r.kind().equals(kind)).map(Received::json).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    void publish(String kind, byte[] payload) throws MqttException {
        client.publish(prefix + kind, payload, 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
