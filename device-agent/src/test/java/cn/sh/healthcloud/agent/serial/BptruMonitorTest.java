package cn.sh.healthcloud.agent.serial;

import static cn.sh.healthcloud.agent.serial.ScriptedLink.concat;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.cut;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BptruMonitorTest {

    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final byte[] FETCH = hex("11 09 00 00 00 F6");
    private static final byte[] ACK_FETCH = hex("06 09 00 00 00 ED");

    /**
     * A monitor whose last result the test sets; it NAKs the first fetch, and sends each new result
     * the first time after noise and a copy with a bad CRC, split across reads.
     */
    private static final class FakeMonitor {
        final AtomicReference<byte[]> lastResult = new AtomicReference<>();
        final AtomicBoolean garbleNext = new AtomicBoolean();
        final AtomicInteger fetches = new AtomicInteger();

        void measured(byte[] result) {
            lastResult.set(result);
            garbleNext.set(true);
        }

        List<byte[]> answer(byte[] command) {
            assertEquals(Arrays.toString(FETCH), Arrays.toString(command), "the driver only fetches the last result");
            int fetch = fetches.incrementAndGet();
            if (fetch == 1) {
                return List.of(hex("15 09 00 00 00 79"));
            }
            byte[] result = lastResult.get();
            if (result == null) {
                return List.of(ACK_FETCH);
            }
            if (garbleNext.getAndSet(false)) {
                byte[] corrupted = result.clone();
                corrupted[5] ^= 0x01;
                return Arrays.asList(cut(concat(ACK_FETCH, new byte[] {(byte) 0xFF, 0x00}, corrupted, result), 3, 7, 9, 14));
            }
            return List.of(concat(ACK_FETCH, result));
        }
    }

    private static byte[] result(int status, int systolic, int diastolic, int pulse) {
        return BptruMessage.encode(0x42, status, systolic, diastolic, pulse);
    }

    @Test
    void reportsEachNewResultOnceButNotTheOneHeldAtStart() throws InterruptedException {
        FakeMonitor monitor = new FakeMonitor();
        monitor.lastResult.set(hex("42 00 94 5C 4E 13")); // 148/92, pulse 78, from before the agent watched
        ScriptedLink link = new ScriptedLink(monitor::answer);
        try (DriverRun run = new DriverRun(new BptruMonitor(Clock.system(Instruments.KIOSK_ZONE), "BP-1", Duration.ofMillis(50)), link)) {
            run.assertNoMoreWithin(Duration.ofMillis(600));

            monitor.measured(result(0x00, 162, 101, 88));
            InstrumentEvent.Measured measured = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals(Map.of("type", "blood-pressure", "systolic", 162, "diastolic", 101, "pulse", 88, "unit", "mmHg"),
                    measured.measurements().get(0));
            assertEquals(new InstrumentEvent.Device("VSM MedTech", "BpTRU BPM-200", "BP-1"), measured.device());
            run.assertNoMoreWithin(Duration.ofMillis(400));

            // Systolic error bit: skipped. Pulse error alone: reported without pulse.
            monitor.measured(result(0x40, 0x17, 80, 70));
            run.assertNoMoreWithin(Duration.ofMillis(400));
            monitor.measured(result(0x10, 121, 79, 0x16));
            InstrumentEvent.Measured noPulse = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals(Map.of("type", "blood-pressure", "systolic", 121, "diastolic", 79, "unit", "mmHg"), noPulse.measurements().get(0));
        }
    }

    @Test
    void aResultSentWithoutAnAckIsNotTaken() throws InterruptedException {
        ScriptedLink link = new ScriptedLink(command -> List.of(result(0, 130, 85, 70)));
        try (DriverRun run = new DriverRun(new BptruMonitor(Clock.systemUTC(), null, Duration.ofMillis(50)), link)) {
            run.assertNoMoreWithin(Duration.ofMillis(1800));
        }
        assertEquals(Arrays.toString(FETCH), Arrays.toString(link.written().get(1)), "fetch is resent when no ACK comes");
    }
}
