package cn.sh.healthcloud.agent.outbox;

/** A stored message and its place in the outbox: ids grow with every append and are never reused. */
public record OutboxEntry(long id, String topic, byte[] payload) {

    @Override
    public String toString() {
        return "OutboxEntry[" + id + ", " + topic + ", " + payload.length + " bytes]";
    }
}
