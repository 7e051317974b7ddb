package cn.sh.healthcloud.agent.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final long BUDGET = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    private Outbox open() throws Exception {
        return Outbox.open(dir.resolve("outbox"), BUDGET, PayloadSeal.fromKeyFile(dir.resolve("outbox.key")));
    }

    private static OutboxMessage message(String topic, String text) {
        return new OutboxMessage(topic, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(List<OutboxEntry> entries) {
        return entries.stream().map(e -> e.topic() + ":" + new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void returnsWhatWasAppendedOldestFirstAndForgetsWhatWasDeleted() throws Exception {
        try (Outbox outbox = open()) {
            outbox.append(List.of(message("t/readings", "r1"), message("t/readings", "r2")));
            outbox.append(List.of(message("t/sessions", "c1")));
            List<OutboxEntry> all = outbox.after(0, 10);
            assertEquals(List.of("t/readings:r1", "t/readings:r2", "t/sessions:c1"), texts(all));
            assertEquals(List.of("t/sessions:c1"), texts(outbox.after(all.get(1).id(), 10)));
            assertEquals(List.of("t/readings:r1"), texts(outbox.after(0, 1)));

            outbox.delete(all.get(0).id());
            outbox.append(List.of(message("t/readings", "r3")));
            assertEquals(List.of("t/readings:r2", "t/sessions:c1", "t/readings:r3"), texts(outbox.after(0, 10)));
        }
    }

    @Test
    void whatWasNotDeletedIsThereAfterReopeningInTheSameOrder() throws Exception {
        try (Outbox outbox = open()) {
            for (int i = 0; i < 5; i++) {
                outbox.append(List.of(message("t/readings", "r" + i)));
            }
            outbox.delete(outbox.after(0, 1).get(0).id());
        }
        try (Outbox outbox = open()) {
            assertEquals(List.of("t/readings:r1", "t/readings:r2", "t/readings:r3", "t/readings:r4"), texts(outbox.after(0, 10)));
            assertEquals(4, outbox.count());
        }
    }

    @Test
    void idsAreNeverReusedSoANewMessageSortsAfterEverythingAlreadyPublished() throws Exception {
        long last;
        try (Outbox outbox = open()) {
            outbox.append(List.of(message("t/readings", "a"), message("t/readings", "b")));
            List<OutboxEntry> entries = outbox.after(0, 10);
            last = entries.get(1).id();
            entries.forEach(e -> outbox.delete(e.id()));
        }
        try (Outbox outbox = open()) {
            outbox.append(List.of(message("t/readings", "c")));
            List<OutboxEntry> after = outbox.after(last, 10);
            assertEquals(List.of("t/readings:c"), texts(after));
        }
    }

    @Test
    void concurrentAppendsShareCommitsAndAllArrive() throws Exception {
        try (Outbox outbox = open()) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int producer = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            outbox.append(List.of(message("t/readings", producer + "-" + i)));
                        } catch (OutboxException e) {
                            throw new AssertionError(e);
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
            assertEquals(400, outbox.count());
        }
    }

    @Test
    void reportsOverBudgetOnceTheMessagesFillItAndKeepsAcceptingWhatItIsGiven() throws Exception {
        try (Outbox outbox = Outbox.open(dir.resolve("small"), 1024 * 1024, PayloadSeal.fromKeyFile(dir.resolve("k")))) {
            byte[] reading = new byte[4096];
            int appended = 0;
            while (!outbox.overBudget()) {
                outbox.append(List.of(new OutboxMessage("t/readings", reading)));
                appended++;
                assertTrue(appended < 1000, "the budget of 1 MiB should be reached by ~256 messages of 4 KiB");
            }
            outbox.append(List.of(new OutboxMessage("t/readings", reading)));
            assertEquals(appended + 1, outbox.count(), "over budget, nothing stored is dropped");

            List<OutboxEntry> all = outbox.after(0, 10_000);
            all.forEach(e -> outbox.delete(e.id()));
            outbox.append(List.of(message("t/readings", "after the backlog drained")));
            assertFalse(outbox.overBudget(), "deleted pages are free again");
        }
    }

    @Test
    void keepsPayloadsSealedOnDiskAndFilesOwnerOnly() throws Exception {
        String idNumber = "11010519491231002X";
        try (Outbox outbox = open()) {
            outbox.append(List.of(message("t/readings", "{\"idNumber\":\"" + idNumber + "\"}")));
        }
        for (String file : List.of("outbox.db", "outbox.db-wal")) {
            Path path = dir.resolve("outbox").resolve(file);
            if (Files.exists(path)) {
                String raw = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains(idNumber), file + " must not hold the ID number in clear");
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("outbox/outbox.db"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("outbox"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("outbox.key"))));
        try (Outbox outbox = open()) {
            assertArrayEquals(("{\"idNumber\":\"" + idNumber + "\"}").getBytes(StandardCharsets.UTF_8),
                    outbox.after(0, 1).get(0).payload());
        }
    }

    @Test
    void refusesToReadWithAnotherKey() throws Exception {
        try (Outbox outbox = open()) {
            outbox.append(List.of(message("t/readings", "secret")));
        }
        try (Outbox outbox = Outbox.open(dir.resolve("outbox"), BUDGET, PayloadSeal.fromKeyFile(dir.resolve("other.key")))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> outbox.after(0, 1));
            assertTrue(e.getMessage().contains("key"));
        }
    }
}
