package cn.sh.healthcloud.agent.session;

import cn.sh.healthcloud.agent.outbox.Outbox;
import cn.sh.healthcloud.agent.outbox.OutboxMessage;
import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Turns instrument events into the §3.3 messages of sessions, written to the durable outbox.
 *
 * <ul>
 * <li>A card opens a session for its holder; another card closes it and opens its own; the same
 * card again just keeps it open.</li>
 * <li>Each measurement is one reading of the open session, or, with no session open, an
 * {@code anonymous} session of its own, closed at once: grouping cardless measurements would
 * mix two strangers' results in one assessment.</li>
 * <li>A card taken away closes a session that has readings. An ID card is usually tapped and taken
 * back before anything is measured, so taking it away first leaves the session open.</li>
 * <li>{@link #closeIdle()} closes a session nothing happened in for the idle timeout.</li>
 * <li>While the outbox is over its disk budget, new sessions (cards, cardless measurements) are
 * refused; readings of an open session are still stored: its resident is mid-way.</li>
 * </ul>
 * Messages are queued in the outbox under this object's lock, so a close always follows its
 * readings, and the caller (an instrument's thread) does not wait for the fsync: the publisher
 * only ever sees committed messages, and not waiting lets one commit carry a whole burst (a
 * glucose meter's stored readings) instead of one reading per fsync.
 */
public final class SessionTracker implements Consumer<InstrumentEvent> {

    private static final Logger LOG = Logger.getLogger(SessionTracker.class.getName());
    static final String OUTBOX_FULL_ZH = "本机待上传数据已满，暂停新的测量。请稍后再试或联系工作人员。";

    private final KioskMessages messages;
    private final Outbox outbox;
    private final Duration idleTimeout;
    private final Clock clock;
    private final SessionListener listener;
    private OpenSession current;

    private static final class OpenSession {
        final UUID id = UUID.randomUUID();
        final Subject subject;
        final List<UUID> readingIds = new ArrayList<>();
        Instant lastActivity;

        OpenSession(Subject subject, Instant openedAt) {
            this.subject = subject;
            this.lastActivity = openedAt;
        }
    }

    public SessionTracker(KioskMessages messages, Outbox outbox, Duration idleTimeout, Clock clock,
            SessionListener listener) {
        this.messages = messages;
        this.outbox = outbox;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public void accept(InstrumentEvent event) {
        Write write;
        synchronized (this) {
            closeIfIdle();
            write = switch (event) {
                case InstrumentEvent.CardPresented card -> cardPresented(Subject.of(card));
                case InstrumentEvent.CardRemoved removed -> current != null && !current.readingIds.isEmpty() ? close() : Write.NONE;
                case InstrumentEvent.Measured measured -> measured(measured);
            };
        }
        write.whenDurable();
    }

    /** Closes the open session if nothing happened in it for the idle timeout. */
    public void closeIdle() {
        Write write;
        synchronized (this) {
            write = closeIfIdle();
        }
        write.whenDurable();
    }

    /**
     * Closes the open session now (the agent is stopping) and waits, briefly, until the close is on
     * disk: the publisher only sees committed messages, and the stop drains what it sees.
     */
    public void closeOpenSession() {
        Write write;
        synchronized (this) {
            write = close();
        }
        write.whenDurable();
        try {
            write.durable().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Logged by whenDurable when it fails; a close still queued is written before the outbox closes.
        }
    }

    private Write cardPresented(Subject subject) {
        if (current != null && current.subject.sameCardAs(subject)) {
            current.lastActivity = clock.instant();
            return Write.NONE;
        }
        Write closing = close();
        if (outbox.overBudget()) {
            LOG.severe("Card refused: the outbox is over its disk budget (see OUTBOX FULL above)");
            listener.refused(OUTBOX_FULL_ZH);
            return closing;
        }
        current = new OpenSession(subject, clock.instant());
        LOG.info(() -> "Session " + current.id + " opened (" + subject.idType() + ")");
        return closing;
    }

    private Write measured(InstrumentEvent.Measured measured) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID readingId = UUID.randomUUID();
        if (current != null) {
            current.lastActivity = clock.instant();
            current.readingIds.add(readingId);
            OpenSession session = current;
            OutboxMessage reading = messages.reading(readingId, session.id, session.subject, measured, now);
            return new Write(outbox.enqueue(List.of(reading)), 1, () -> forget(session, readingId));
        }
        if (outbox.overBudget()) {
            LOG.severe("Measurement not recorded: the outbox is over its disk budget (see OUTBOX FULL above)");
            listener.refused(OUTBOX_FULL_ZH);
            return Write.NONE;
        }
        UUID sessionId = UUID.randomUUID();
        List<OutboxMessage> session = List.of(messages.reading(readingId, sessionId, Subject.anonymous(), measured, now),
                messages.close(sessionId, now, List.of(readingId)));
        LOG.info(() -> "Anonymous session " + sessionId + ": 1 reading");
        return new Write(outbox.enqueue(session), 2, () -> {
        }).then(() -> listener.closed(sessionId, Subject.anonymous()));
    }

    private Write closeIfIdle() {
        if (current != null && !clock.instant().isBefore(current.lastActivity.plus(idleTimeout))) {
            LOG.info(() -> "Session " + current.id + " idle for " + idleTimeout.toSeconds() + " s");
            return close();
        }
        return Write.NONE;
    }

    private Write close() {
        OpenSession session = current;
        current = null;
        if (session == null) {
            return Write.NONE;
        }
        if (session.readingIds.isEmpty()) {
            LOG.info(() -> "Session " + session.id + " closed without readings: nothing to send");
            return Write.NONE;
        }
        List<UUID> readingIds = List.copyOf(session.readingIds);
        LOG.info(() -> "Session " + session.id + " closed: " + readingIds.size() + " reading(s)");
        return new Write(outbox.enqueue(List.of(messages.close(session.id, OffsetDateTime.now(clock), readingIds))), 1,
                () -> {
                }).then(() -> listener.closed(session.id, session.subject));
    }

    /** A reading that did not reach the disk is not listed in its session's close (unless that was already queued). */
    private synchronized void forget(OpenSession session, UUID readingId) {
        session.readingIds.remove(readingId);
    }

    /** An outbox write queued under the lock; what to do once it is on disk, or if it never gets there. */
    private record Write(CompletableFuture<Void> durable, int messages, Runnable onFailure, Runnable onDurable) {

        static final Write NONE = new Write(CompletableFuture.completedFuture(null), 0, () -> {
        }, () -> {
        });

        Write(CompletableFuture<Void> durable, int messages, Runnable onFailure) {
            this(durable, messages, onFailure, () -> {
            });
        }

        Write then(Runnable next) {
            return new Write(durable, messages, onFailure, next);
        }

        void whenDurable() {
            durable.whenComplete((done, failure) -> {
                if (failure == null) {
                    onDurable.run();
                } else {
                    LOG.severe("NOT STORED: " + messages + " message(s) of a session could not be written to the outbox: "
                            + failure.getMessage());
                    onFailure.run();
                }
            });
        }
    }
}
