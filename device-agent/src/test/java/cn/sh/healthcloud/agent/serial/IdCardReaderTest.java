package cn.sh.healthcloud.agent.serial;

import static cn.sh.healthcloud.agent.serial.ScriptedLink.concat;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.cut;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdCardReaderTest {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final String NAME = "张三";
    private static final Duration WAIT = Duration.ofSeconds(3);

    private final Logger serialLog = Logger.getLogger("cn.sh.healthcloud.agent.serial");
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        serialLog.addHandler(capture);
        serialLog.setLevel(Level.ALL);
    }

    @AfterEach
    void releaseLogs() {
        serialLog.removeHandler(capture);
        serialLog.setLevel(null);
    }

    /** A reader built from devices.md: "find" reports a card only until it is read; the first read reply is corrupted. */
    private static final class FakeReader {
        final AtomicBoolean cardOn = new AtomicBoolean();
        final AtomicBoolean read = new AtomicBoolean();
        final AtomicInteger reads = new AtomicInteger();

        void layCard() {
            read.set(false);
            cardOn.set(true);
        }

        List<byte[]> answer(byte[] command) {
            String c = Arrays.toString(command);
            if (c.equals(Arrays.toString(hex("AA AA AA 96 69 00 03 20 01 22")))) {
                return List.of(cardOn.get() && !read.get()
                        ? hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")
                        : hex("AA AA AA 96 69 00 04 00 00 80 84"));
            }
            if (c.equals(Arrays.toString(hex("AA AA AA 96 69 00 03 20 02 21")))) {
                return List.of(cardOn.get()
                        ? hex("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C")
                        : hex("AA AA AA 96 69 00 04 00 00 81 85"));
            }
            if (c.equals(Arrays.toString(hex("AA AA AA 96 69 00 03 30 01 32"))) && cardOn.get()) {
                byte[] reply = readReply();
                if (reads.incrementAndGet() == 1) {
                    reply[500] ^= 0x01;
                    return List.of(reply);
                }
                read.set(true);
                // Split inside the preamble, the length, the ID number and the photo; noise before.
                return Arrays.asList(cut(concat(hex("00 13 AA"), reply), 5, 9, 150, 700));
            }
            return List.of();
        }

        /** Status 00 00 90, text length 0x0100, photo length 0x0400, 256 bytes UCS-2 LE text, 1,024 photo bytes. */
        static byte[] readReply() {
            String text = pad(NAME, 15) + "1" + "01" + "19491231" + pad("上海市徐汇区漕溪北路1200号", 35) + ID_NUMBER
                    + pad("上海市公安局徐汇分局", 15) + "20200101" + "20400101";
            byte[] textBytes = pad(text, 128).getBytes(StandardCharsets.UTF_16LE);
            byte[] body = concat(hex("00 00 90 01 00 04 00"), textBytes, new byte[1024]);
            int length = body.length + 1;
            int xor = (length >> 8) ^ (length & 0xFF);
            for (byte b : body) {
                xor ^= b;
            }
            return concat(hex("AA AA AA 96 69"), new byte[] {(byte) (length >> 8), (byte) length}, body, new byte[] {(byte) xor});
        }

        static String pad(String s, int characters) {
            return s + " ".repeat(characters - s.length());
        }
    }

    @Test
    void presentsTheCardOnceAndRemovesItAfterTheDebounce() throws InterruptedException {
        FakeReader reader = new FakeReader();
        ScriptedLink link = new ScriptedLink(reader::answer);
        try (DriverRun run = new DriverRun(new IdCardReader(Duration.ofMillis(50), 3), link)) {
            run.assertNoMoreWithin(Duration.ofMillis(300));
            reader.layCard();
            InstrumentEvent.CardPresented card = assertInstanceOf(InstrumentEvent.CardPresented.class, run.next(WAIT));
            assertEquals(new InstrumentEvent.CardPresented("resident-id-card", ID_NUMBER, NAME), card);
            assertFalse(card.toString().contains(ID_NUMBER), "toString masks the number");
            assertEquals(2, reader.reads.get(), "the corrupted read reply was skipped and the read retried");
            run.assertNoMoreWithin(Duration.ofMillis(400));

            reader.cardOn.set(false);
            assertInstanceOf(InstrumentEvent.CardRemoved.class, run.next(WAIT));
            run.assertNoMoreWithin(Duration.ofMillis(300));

            reader.layCard();
            assertInstanceOf(InstrumentEvent.CardPresented.class, run.next(WAIT));
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("checksum mismatch")), "the bad frame was logged");
        for (String line : logged) {
            assertFalse(line.contains(ID_NUMBER) || line.contains(NAME) || line.contains("AA AA"), "personal data in log: " + line);
        }
    }

    @Test
    void aCardMissingForFewerPollsThanTheDebounceIsNotRemoved() throws InterruptedException {
        FakeReader reader = new FakeReader();
        reader.layCard();
        ScriptedLink link = new ScriptedLink(reader::answer);
        try (DriverRun run = new DriverRun(new IdCardReader(Duration.ofMillis(100), 5), link)) {
            assertInstanceOf(InstrumentEvent.CardPresented.class, run.next(WAIT));
            reader.cardOn.set(false);
            Thread.sleep(150);
            reader.cardOn.set(true);
            run.assertNoMoreWithin(Duration.ofMillis(800));
        }
    }
}
