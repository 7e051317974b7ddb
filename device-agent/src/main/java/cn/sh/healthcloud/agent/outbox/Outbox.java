package cn.sh.healthcloud.agent.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;

/**
 * The durable outbox: every message is committed to SQLite (WAL, {@code synchronous=FULL}, so the
 * commit is fsync'd) before {@link #append} returns, and only then can it be published; it is
 * deleted once the broker acknowledged it. What a crash leaves behind is replayed, oldest first.
 *
 * <p>One writer thread owns the write connection and commits whatever has queued up in one
 * transaction (group commit): appends of concurrent callers and deletes share one fsync. Readers
 * use their own connection, which WAL lets read while the writer writes.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final int MAX_BATCH = 2000;
    private static final String FILE = "outbox.db";

    private final Connection writer;
    private final Connection reader;
    private final PayloadSeal seal;
    private final long maxBytes;
    /** Bounded: producers faster than the disk wait here instead of filling the heap. */
    private final BlockingQueue<Work> work = new LinkedBlockingQueue<>(10_000);
    private final Thread writerThread;
    private volatile long usedBytes;
    private volatile boolean closed;
    private volatile Runnable appended = () -> {
    };

    private sealed interface Work {
    }

    private record Append(List<OutboxMessage> messages, CompletableFuture<Void> done) implements Work {
    }

    private record Delete(long id) implements Work {
    }

    private record Stop() implements Work {
    }

    private Outbox(Connection writer, Connection reader, PayloadSeal seal, long maxBytes) throws SQLException {
        this.writer = writer;
        this.reader = reader;
        this.seal = seal;
        this.maxBytes = maxBytes;
        this.usedBytes = measureUsedBytes();
        this.writerThread = Thread.ofPlatform().name("outbox-writer").daemon().unstarted(this::writeLoop);
    }

    /**
     * Opens (or creates) the outbox in {@code directory}: the folder is made owner-only and the
     * database file is created owner read/write only (SQLite gives its -wal and -shm files the same mode).
     */
    public static Outbox open(Path directory, long maxBytes, PayloadSeal seal) throws IOException, SQLException {
        OwnerOnlyFiles.folder(directory);
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            OwnerOnlyFiles.createFile(file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Connection writer = config.createConnection(url);
        try (Statement statement = writer.createStatement()) {
            // AUTOINCREMENT: ids are never reused, so a new message always sorts after what the publisher has seen.
            statement.execute("""
                    create table if not exists message (
                      id integer primary key autoincrement,
                      topic text not null,
                      payload blob not null)""");
            try (ResultSet mode = statement.executeQuery("pragma journal_mode")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SQLException("the outbox database did not switch to WAL mode");
                }
            }
        }
        writer.setAutoCommit(false);
        Connection reader = config.createConnection(url);
        Outbox outbox = new Outbox(writer, reader, seal, maxBytes);
        outbox.writerThread.start();
        LOG.info(() -> "Outbox " + file + ": " + outbox.count() + " messages waiting, " + megabytes(outbox.usedBytes)
                + " of " + megabytes(maxBytes) + " used");
        outbox.warnIfOverBudget(false);
        return outbox;
    }

    /** Calls {@code listener} (on the writer thread) after each commit that stored new messages. */
    public void onAppended(Runnable listener) {
        this.appended = listener;
    }

    /** Stores the messages in one transaction; returns once that is on disk (fsync'd). */
    public void append(List<OutboxMessage> messages) throws OutboxException {
        awaitDurable(enqueue(messages), messages.size());
    }

    /**
     * Queues the messages for the next commit, in call order, and returns at once: the future
     * completes when they are on disk. Lets a caller hold a lock only while fixing the order.
     */
    public CompletableFuture<Void> enqueue(List<OutboxMessage> messages) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the outbox is closed"));
        }
        List<OutboxMessage> sealed = messages.stream()
                .map(m -> new OutboxMessage(m.topic(), seal.seal(m.topic(), m.payload()))).toList();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            work.put(new Append(sealed, done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return done;
    }

    /** Returns once everything queued before it is on disk. */
    public void flush() throws OutboxException {
        append(List.of());
    }

    /** Waits for an {@link #enqueue}d write. */
    private static void awaitDurable(CompletableFuture<Void> write, int messages) throws OutboxException {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw new OutboxException("the outbox could not store " + messages + " message(s)", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxException("interrupted before the outbox confirmed the write", e);
        }
    }

    /** Forgets a message the broker acknowledged; committed with the next batch (a lost delete only means a duplicate). */
    public void delete(long id) {
        if (!closed) {
            try {
                work.put(new Delete(id));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Up to {@code limit} messages after {@code afterId}, oldest first. */
    public List<OutboxEntry> after(long afterId, int limit) {
        List<OutboxEntry> entries = new ArrayList<>();
        synchronized (reader) {
            try (PreparedStatement select = reader.prepareStatement(
                    "select id, topic, payload from message where id > ? order by id limit ?")) {
                select.setLong(1, afterId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String topic = rows.getString(2);
                        entries.add(new OutboxEntry(rows.getLong(1), topic, seal.open(topic, rows.getBytes(3))));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the outbox", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("an outbox message fails its seal: wrong outbox key file?", e);
            }
        }
        return entries;
    }

    public long count() {
        synchronized (reader) {
            try (Statement statement = reader.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from message")) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the outbox", e);
            }
        }
    }

    /** True once the stored messages use the disk budget: new sessions must wait for the backlog to drain. */
    public boolean overBudget() {
        return usedBytes >= maxBytes;
    }

    public long usedBytes() {
        return usedBytes;
    }

    private void writeLoop() {
        List<Work> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(work.take());
            } catch (InterruptedException e) {
                return;
            }
            work.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.removeIf(Stop.class::isInstance);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void commit(List<Work> batch) {
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        try (PreparedStatement insert = writer.prepareStatement("insert into message (topic, payload) values (?, ?)");
                PreparedStatement delete = writer.prepareStatement("delete from message where id = ?")) {
            for (Work item : batch) {
                if (item instanceof Append append) {
                    for (OutboxMessage message : append.messages()) {
                        insert.setString(1, message.topic());
                        insert.setBytes(2, message.payload());
                        insert.executeUpdate();
                    }
                    appends.add(append.done());
                } else if (item instanceof Delete d) {
                    delete.setLong(1, d.id());
                    delete.executeUpdate();
                }
            }
            writer.commit();
        } catch (SQLException e) {
            rollback();
            LOG.log(Level.SEVERE, "Outbox write failed; " + appends.size() + " append(s) refused: " + e.getMessage());
            appends.forEach(done -> done.completeExceptionally(e));
            return;
        }
        boolean wasOver = overBudget();
        try {
            usedBytes = measureUsedBytes();
        } catch (SQLException e) {
            LOG.warning("Cannot measure the outbox size: " + e.getMessage());
        }
        appends.forEach(done -> done.complete(null));
        warnIfOverBudget(wasOver);
        if (!appends.isEmpty()) {
            appended.run();
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warning("Outbox rollback failed: " + e.getMessage());
        }
    }

    /** Pages holding data (free pages are reused before the file grows): what the messages occupy on disk. */
    private long measureUsedBytes() throws SQLException {
        try (Statement statement = writer.createStatement()) {
            long pages = pragma(statement, "page_count") - pragma(statement, "freelist_count");
            return pages * pragma(statement, "page_size");
        }
    }

    private static long pragma(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("pragma " + name)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void warnIfOverBudget(boolean wasOver) {
        boolean over = overBudget();
        if (over && !wasOver) {
            LOG.severe("OUTBOX FULL: " + megabytes(usedBytes) + " of its " + megabytes(maxBytes)
                    + " budget hold messages the broker has not acknowledged. New sessions are refused until they are"
                    + " delivered; nothing stored is dropped. Check the network and the broker.");
        } else if (!over && wasOver) {
            LOG.info("Outbox below its budget again (" + megabytes(usedBytes) + "): sessions are accepted");
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    /** Commits what is queued, then closes the database. */
    @Override
    public void close() throws SQLException {
        closed = true;
        try {
            work.put(new Stop());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (reader) {
            reader.close();
        }
        writer.close();
    }
}
