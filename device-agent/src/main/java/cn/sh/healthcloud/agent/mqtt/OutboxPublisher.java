package cn.sh.healthcloud.agent.mqtt;

import cn.sh.healthcloud.agent.outbox.Outbox;
import cn.sh.healthcloud.agent.outbox.OutboxEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Publishes what the outbox holds, oldest first, with QoS 1 and at most {@code window} messages
 * awaiting their PUBACK; each acknowledged message is deleted from the outbox.
 *
 * <p>Every connection starts a new <em>round</em> from the start of the outbox: whatever is still
 * there was not acknowledged, whether it was in flight when the link broke or written while the
 * broker was away. A message in flight at a disconnect may so arrive twice (Paho resends it too);
 * the service stores a reading once by its readingId. Acknowledgements of an earlier round still
 * delete their message, but only the current round's free its window.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());
    private static final int READ_BATCH = 500;

    private final Outbox outbox;
    private final BrokerLink link;
    private final int window;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile Round round;
    private volatile boolean running = true;

    /** One connection's pass over the outbox: its window and how far it got. */
    private static final class Round {
        final Semaphore permits;
        long cursor;

        Round(int window) {
            this.permits = new Semaphore(window);
        }
    }

    private record Delivery(Round round, long id) {
    }

    public OutboxPublisher(Outbox outbox, BrokerLink link, int window) {
        this.outbox = outbox;
        this.link = link;
        this.window = window;
        this.thread = Thread.ofPlatform().name("outbox-publisher").daemon().unstarted(this::run);
        outbox.onAppended(this::wake);
        link.onConnected(() -> {
            round = new Round(window);
            wake();
        });
    }

    public void start() {
        thread.start();
    }

    private void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            Round current = round;
            if (current == null || !link.isConnected()) {
                pause(1_000);
                continue;
            }
            int free = current.permits.availablePermits();
            if (free == 0) {
                awaitPermit(current);
                continue;
            }
            List<OutboxEntry> entries = outbox.after(current.cursor, Math.min(free, READ_BATCH));
            if (entries.isEmpty()) {
                pause(1_000);
            } else {
                publish(current, entries);
            }
        }
    }

    private void publish(Round current, List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            if (round != current || !current.permits.tryAcquire()) {
                return;
            }
            try {
                link.publish(entry.topic(), entry.payload(), new Delivery(current, entry.id()), acknowledged);
                current.cursor = entry.id();
            } catch (MqttException e) {
                current.permits.release();
                if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                    pause(10);
                } else {
                    LOG.fine(() -> "Publishing paused: " + e.getMessage());
                    pause(1_000);
                }
                return;
            }
        }
    }

    private final IMqttActionListener acknowledged = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            Delivery delivery = (Delivery) token.getUserContext();
            outbox.delete(delivery.id());
            delivery.round().permits.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            // Connection lost: the message stays in the outbox and the next round publishes it again.
            ((Delivery) token.getUserContext()).round().permits.release();
        }
    };

    private void awaitPermit(Round current) {
        try {
            if (current.permits.tryAcquire(1, TimeUnit.SECONDS)) {
                current.permits.release();
            }
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private void pause(long millis) {
        try {
            if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** Waits, up to {@code timeout}, for the outbox to empty while the broker is there: a clean stop sends what it can. */
    public void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (link.isConnected() && outbox.count() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
