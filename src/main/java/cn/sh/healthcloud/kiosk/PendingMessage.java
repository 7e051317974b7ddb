package cn.sh.healthcloud.kiosk;

/**
 * A message in a batch (a reading, a session close, or a rejection to record), its payload as it
 * came (kept only while the batch is written, in case it must be recorded as rejected after all)
 * and its acknowledgement.
 */
record PendingMessage(KioskReading reading, SessionClose close, Rejection rejection, String topic, byte[] payload,
        AckSequencer.Ticket ticket) {

    static PendingMessage reading(KioskReading reading, String topic, byte[] payload, AckSequencer.Ticket ticket) {
        return new PendingMessage(reading, null, null, topic, payload, ticket);
    }

    static PendingMessage close(SessionClose close, String topic, byte[] payload, AckSequencer.Ticket ticket) {
        return new PendingMessage(null, close, null, topic, payload, ticket);
    }

    static PendingMessage rejected(Rejection rejection, String topic, byte[] payload, AckSequencer.Ticket ticket) {
        return new PendingMessage(null, null, rejection, topic, payload, ticket);
    }

    /** The same message, refused after all (its kiosk is unknown or retired, or the database refused it). */
    PendingMessage refused(Rejection why) {
        return new PendingMessage(null, null, why, topic, payload, ticket);
    }
}
