package cn.sh.healthcloud.agent.outbox;

/** A message could not be made durable: the caller still holds it and must not pretend it was sent. */
public final class OutboxException extends Exception {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
