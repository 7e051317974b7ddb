package cn.sh.healthcloud.agent.outbox;

/** A message to publish: its MQTT topic and its payload (which may hold personal data: never logged). */
public record OutboxMessage(String topic, byte[] payload) {

    @Override
    public String toString() {
        return "OutboxMessage[" + topic + ", " + payload.length + " bytes]";
    }
}
