package cn.sh.healthcloud.kiosk;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns arriving kiosk messages into batches and writes each batch in one transaction, several
 * batches at a time, so a burst costs a few statements per few hundred readings and the event loop
 * only parses. A message's ticket is done once its batch committed; a batch that fails for a passing
 * reason (database restarting, deadlock) is retried until it commits, and its messages stay
 * unacknowledged meanwhile, so the broker holds back the rest of the stream.
 */
@ApplicationScoped
class IngestionPipeline {

    private static final Logger LOG = Logger.getLogger(IngestionPipeline.class);
    private static final long MAX_RETRY_DELAY_MS = 5_000;

    private final Vertx vertx;
    private final KioskConfig config;
    private final ReadingBatchWriter writer;
    private final SessionAssessor assessor;
    private final RejectionNotices notices;
    private final KioskStates states;
    private final IngestionMetrics metrics;
    private final KioskEvents events;
    private final Clock clock;

    private List<PendingMessage> filling = new ArrayList<>();
    private long flushTimer = -1;
    private int writing;

    IngestionPipeline(Vertx vertx, KioskConfig config, ReadingBatchWriter writer, SessionAssessor assessor,
            RejectionNotices notices, KioskStates states, IngestionMetrics metrics, KioskEvents events, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.writer = writer;
        this.assessor = assessor;
        this.notices = notices;
        this.states = states;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    /** Called for every message of the kiosk stream, in arrival order. */
    void offer(String topic, byte[] payload, boolean redelivered, AckSequencer.Ticket ticket) {
        metrics.received();
        Optional<KioskTopics.Address> address = KioskTopics.parse(topic);
        if (address.isPresent() && "status".equals(address.get().kind())) {
            states.update(address.get().kioskId(), payload).subscribe().with(v -> ticket.done(),
                    e -> LOG.warnf("Kiosk status not recorded (%s); the retained status comes again on reconnect", e.getMessage()));
            return;
        }
        add(classify(topic, address, payload, ticket));
    }

    private PendingMessage classify(String topic, Optional<KioskTopics.Address> address, byte[] payload,
            AckSequencer.Ticket ticket) {
        String kioskId = address.map(KioskTopics.Address::kioskId).orElse(null);
        if (address.isEmpty() || !KioskMessageReader.isValidKioskId(kioskId)
                || !List.of("readings", "sessions").contains(address.get().kind())) {
            return PendingMessage.rejected(Rejection.of(Rejection.UNKNOWN_TOPIC, null, null, "topic",
                    "is not a kiosk readings or sessions topic"), topic, payload, ticket);
        }
        if (payload.length > config.maxMessageBytes()) {
            return PendingMessage.rejected(Rejection.of(Rejection.TOO_LARGE, kioskId, null, "payload",
                    "is larger than " + config.maxMessageBytes() + " bytes"), topic, payload, ticket);
        }
        if ("sessions".equals(address.get().kind())) {
            KioskMessageReader.Result<SessionClose> close = KioskMessageReader.sessionClose(kioskId, payload);
            return close.accepted() ? PendingMessage.close(close.value(), topic, payload, ticket)
                    : PendingMessage.rejected(close.rejection(), topic, payload, ticket);
        }
        KioskMessageReader.Result<KioskReading> reading = KioskMessageReader.reading(kioskId, payload,
                OffsetDateTime.now(clock), config.clockSkew());
        return reading.accepted() ? PendingMessage.reading(reading.value(), topic, payload, ticket)
                : PendingMessage.rejected(reading.rejection(), topic, payload, ticket);
    }

    private synchronized void add(PendingMessage message) {
        filling.add(message);
        if (filling.size() >= config.batchSize()) {
            flushIfPossible();
        } else if (flushTimer < 0) {
            flushTimer = vertx.setTimer(Math.max(1, config.batchDelay().toMillis()), id -> {
                synchronized (this) {
                    flushTimer = -1;
                    flushIfPossible();
                }
            });
        }
    }

    /** Starts a batch when one is waiting and a writer is free; otherwise the batch keeps filling. */
    private void flushIfPossible() {
        if (filling.isEmpty() || writing >= config.concurrentBatches()) {
            return;
        }
        if (flushTimer >= 0) {
            vertx.cancelTimer(flushTimer);
            flushTimer = -1;
        }
        List<PendingMessage> batch = filling;
        filling = new ArrayList<>();
        writing++;
        write(batch, 0);
    }

    private void write(List<PendingMessage> batch, int attempt) {
        store(batch, attempt).subscribe().with(v -> finished(), failure -> {
            LOG.errorf(failure, "Kiosk messages could not be stored or recorded; they stay unacknowledged");
            finished();
        });
    }

    /**
     * Stores a batch, retrying passing failures until it commits. A batch the database refuses
     * for its data is halved until the one message behind it is found, which is then recorded as
     * rejected, so one bad message can never hold up the stream.
     */
    private Uni<Void> store(List<PendingMessage> batch, int attempt) {
        return writer.write(batch).invoke(outcome -> {
            batch.forEach(m -> m.ticket().done());
            metrics.batch(outcome);
            notices.publish(outcome.rejections());
            assessor.assessIfComplete(outcome.sessions());
            events.readingsStored(outcome.storedReadings());
        }).replaceWithVoid().onFailure().recoverWithUni(failure -> {
            if (ReadingBatchWriter.isRefusedData(failure)) {
                if (batch.size() > 1) {
                    int half = batch.size() / 2;
                    return store(batch.subList(0, half), 0).chain(() -> store(batch.subList(half, batch.size()), 0));
                }
                PendingMessage message = batch.get(0);
                if (message.rejection() != null) {
                    // Not even its rejection could be recorded: count it, log why, let it go.
                    LOG.errorf("A rejected kiosk message could not be recorded either (%s)", failure.getMessage());
                    metrics.unrecordable();
                    message.ticket().done();
                    return Uni.createFrom().voidItem();
                }
                return store(List.of(message.refused(Rejection.of(Rejection.STORAGE_REFUSED, kioskOf(message),
                        message.reading() == null ? null : message.reading().readingId(), "payload",
                        "was refused by the database"))), 0);
            }
            long delay = Math.min(MAX_RETRY_DELAY_MS, 100L << Math.min(attempt, 6));
            LOG.warnf("A batch of %d kiosk messages was not stored (%s); retrying in %d ms", batch.size(),
                    failure.getMessage(), delay);
            metrics.batchRetried();
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delay))
                    .chain(() -> store(batch, attempt + 1));
        });
    }

    private static String kioskOf(PendingMessage message) {
        return message.reading() != null ? message.reading().kioskId() : message.close().kioskId();
    }

    private synchronized void finished() {
        writing--;
        flushIfPossible();
    }

    /** For tests and the benchmark: nothing waiting and nothing being written. */
    synchronized boolean idle() {
        return filling.isEmpty() && writing == 0;
    }

    Duration batchDelay() {
        return config.batchDelay();
    }
}
