package cn.sh.healthcloud.kiosk;

import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Acknowledges QoS 1 messages once they are done (committed or recorded as rejected), in the order
 * they arrived, as MQTT 3.1.1 §4.6 asks of a receiver: a message finished early waits for the ones
 * before it. Messages of an earlier connection are never acknowledged on a later one: the broker
 * redelivers them, and readingId makes that harmless.
 */
final class AckSequencer {

    /** One message's place in the line. */
    final class Ticket {
        private final MqttPublishMessage message;
        private final long connection;
        private boolean done;

        private Ticket(MqttPublishMessage message, long connection) {
            this.message = message;
            this.connection = connection;
        }

        /** The message is safe (stored or recorded): acknowledge it when its turn comes. */
        void done() {
            finish(this);
        }
    }

    private final Deque<Ticket> line = new ArrayDeque<>();
    private long connection;

    /** A connection ended or began: what was waiting belongs to the old one and will be redelivered. */
    synchronized void reset() {
        connection++;
        line.clear();
    }

    synchronized Ticket arrived(MqttPublishMessage message) {
        Ticket ticket = new Ticket(message, connection);
        line.addLast(ticket);
        return ticket;
    }

    synchronized int waiting() {
        return line.size();
    }

    private synchronized void finish(Ticket ticket) {
        if (ticket.connection != connection) {
            return;
        }
        ticket.done = true;
        while (!line.isEmpty() && line.peekFirst().done) {
            Ticket head = line.pollFirst();
            if (head.message.qosLevel().value() > 0) {
                try {
                    head.message.ack();
                } catch (RuntimeException connectionGone) {
                    // The connection closed under us: the broker redelivers, readingId dedups.
                    line.clear();
                    return;
                }
            }
        }
    }
}
