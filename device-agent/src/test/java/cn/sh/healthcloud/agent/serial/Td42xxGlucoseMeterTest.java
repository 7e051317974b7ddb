package cn.sh.healthcloud.agent.serial;

import static cn.sh.healthcloud.agent.serial.ScriptedLink.concat;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.cut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Td42xxGlucoseMeterTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 9, 41);
    private static final Clock CLOCK = Clock.fixed(NOW.toInstant(ZoneOffset.ofHours(8)), Instruments.KIOSK_ZONE);
    private static final Duration WAIT = Duration.ofSeconds(3);

    /** A TD-4277 as the test builds it from devices.md: memory newest first, packets summed by hand. */
    private static final class FakeMeter {
        record Stored(LocalDateTime time, int mgPerDl, int meal) {
        }

        final List<Stored> memory = new CopyOnWriteArrayList<>();
        final AtomicInteger countRequests = new AtomicInteger();
        final AtomicInteger valueRequests = new AtomicInteger();

        List<byte[]> answer(byte[] command) {
            assertEquals(0xA3, command[6] & 0xFF, "host packets travel 0xA3");
            int index = (command[2] & 0xFF) | (command[3] & 0xFF) << 8;
            return switch (command[1] & 0xFF) {
                case 0x22 -> List.of(packet(0x54, 0, 0, 0, 0));
                case 0x24 -> List.of(packet(0x24, 0x77, 0x42, 0x01, 0x00));
                case 0x23 -> List.of(time(0x23, NOW));
                case 0x2B -> countRequests.incrementAndGet() == 1
                        ? List.of() // the first count request goes unanswered: the driver must resend
                        : List.of(packet(0x2B, memory.size(), 0, 0xFF, 0xFF));
                case 0x25 -> List.of(time(0x25, memory.get(index).time()));
                case 0x26 -> {
                    Stored stored = memory.get(index);
                    byte[] good = packet(0x26, stored.mgPerDl() & 0xFF, stored.mgPerDl() >> 8, 0, stored.meal());
                    if (valueRequests.incrementAndGet() > 1) {
                        yield List.of(good);
                    }
                    // The first value reply comes after noise and a corrupted copy, split awkwardly.
                    byte[] corrupted = good.clone();
                    corrupted[7]++;
                    yield Arrays.asList(cut(concat(new byte[] {0x00, 0x51, 0x13}, corrupted, good), 2, 6, 13, 15));
                }
                default -> List.of();
            };
        }

        static byte[] time(int command, LocalDateTime t) {
            int day = (t.getYear() - 2000) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
            return packet(command, day & 0xFF, day >> 8, t.getMinute(), t.getHour());
        }

        static byte[] packet(int command, int d0, int d1, int d2, int d3) {
            int[] values = {0x51, command, d0, d1, d2, d3, 0xA5};
            byte[] packet = new byte[8];
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                packet[i] = (byte) values[i];
                sum += values[i] & 0xFF;
            }
            packet[7] = (byte) sum;
            return packet;
        }
    }

    @Test
    void reportsRecentAndNewReadingsOnceInMmolPerLitreButNoOldHistory() throws InterruptedException {
        FakeMeter meter = new FakeMeter();
        meter.memory.add(new FakeMeter.Stored(NOW.minusMinutes(3), 126, 0x40));
        meter.memory.add(new FakeMeter.Stored(NOW.minusDays(2), 180, 0x80));
        ScriptedLink link = new ScriptedLink(meter::answer);
        Instrument driver = new Td42xxGlucoseMeter(CLOCK, "TD-SN", Duration.ofMillis(50), "random", Duration.ofMinutes(5));

        try (DriverRun run = new DriverRun(driver, link)) {
            // Stored 3 minutes ago, within the backfill: 126 mg/dL before a meal = 7.0 mmol/L fasting.
            InstrumentEvent.Measured recent = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals(Map.of("type", "glucose", "value", 7.0, "context", "fasting", "unit", "mmol/L"), recent.measurements().get(0));
            assertEquals(OffsetDateTime.parse("2026-11-22T09:38+08:00"), recent.takenAt());
            assertEquals(new InstrumentEvent.Device("TaiDoc", "TD-4277", "TD-SN"), recent.device());
            run.assertNoMoreWithin(Duration.ofMillis(300));

            meter.memory.add(0, new FakeMeter.Stored(NOW, 99, 0x80));
            meter.memory.add(0, new FakeMeter.Stored(NOW, 150, 0x00));
            InstrumentEvent.Measured first = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            InstrumentEvent.Measured second = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            // Oldest first; 99 mg/dL = 5.5 after a meal, 150 mg/dL = 8.3 without a flag (the default context).
            assertEquals(Map.of("type", "glucose", "value", 5.5, "context", "postprandial-2h", "unit", "mmol/L"), first.measurements().get(0));
            assertEquals(Map.of("type", "glucose", "value", 8.3, "context", "random", "unit", "mmol/L"), second.measurements().get(0));
            run.assertNoMoreWithin(Duration.ofMillis(400));
        }
        assertTrue(meter.countRequests.get() > 3, "the driver keeps polling");
    }

    @Test
    void readingsOlderThanTheBackfillAreNotReportedOnFirstContact() throws InterruptedException {
        FakeMeter meter = new FakeMeter();
        meter.memory.add(new FakeMeter.Stored(NOW.minusMinutes(6), 126, 0x40));
        ScriptedLink link = new ScriptedLink(meter::answer);
        try (DriverRun run = new DriverRun(new Td42xxGlucoseMeter(CLOCK, null, Duration.ofMillis(50), "fasting", Duration.ofMinutes(5)), link)) {
            run.assertNoMoreWithin(Duration.ofMillis(1200));
            meter.memory.add(0, new FakeMeter.Stored(NOW, 90, 0x00));
            InstrumentEvent.Measured measured = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals("fasting", measured.measurements().get(0).get("context"), "unflagged readings take the configured context");
            assertEquals(5.0, measured.measurements().get(0).get("value"));
        }
    }

    @Test
    void aSilentMeterIsRetriedAndReportsNothing() throws InterruptedException {
        ScriptedLink link = new ScriptedLink();
        try (DriverRun run = new DriverRun(new Td42xxGlucoseMeter(CLOCK, null, Duration.ofMillis(50), "random", Duration.ZERO), link)) {
            run.assertNoMoreWithin(Duration.ofMillis(1700));
        }
        assertTrue(link.written().size() >= 3, "connect was resent after each timeout");
        link.written().forEach(packet -> assertEquals(0x22, packet[1] & 0xFF));
    }
}
