package cn.sh.healthcloud.agent.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.sh.healthcloud.agent.serial.BptruMonitor;
import cn.sh.healthcloud.agent.serial.IdCardReader;
import cn.sh.healthcloud.agent.serial.Instrument;
import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import cn.sh.healthcloud.agent.serial.Instruments;
import cn.sh.healthcloud.agent.serial.SerialPortLink;
import cn.sh.healthcloud.agent.serial.TanitaScale;
import cn.sh.healthcloud.agent.serial.Td42xxGlucoseMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each driver against its simulator over a real {@code socat} pty pair, both ends opened with
 * jSerialComm as on a kiosk: proves the two speak the same protocol through a real serial stack.
 */
class DriverAgainstSimulatorIT {

    private static final Clock CLOCK = Clock.system(Instruments.KIOSK_ZONE);
    private static final RandomGenerator RANDOM = RandomGenerator.getDefault();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path ports;

    @Test
    void tanitaBodyCompositionScale() throws Exception {
        Map<String, Object> measurement = firstMeasurement(new TanitaScale(CLOCK, null, "kcal"),
                new TanitaScaleSimulator("MC-780", Duration.ofMillis(500), RANDOM));
        assertEquals("body-composition", measurement.get("type"));
        assertTrue(measurement.keySet().containsAll(List.of("weightKg", "bodyFatPercent", "heightCm", "muscleKg", "bmrKcal")),
                measurement.toString());
    }

    @Test
    void tanitaHeightWeightStationWithItsStraySignal() throws Exception {
        List<InstrumentEvent> events = events(new TanitaScale(CLOCK, null, "kcal"),
                new TanitaScaleSimulator("WB-3000", Duration.ofMillis(400), RANDOM), 2);
        for (InstrumentEvent event : events) {
            Map<String, Object> measurement = assertInstanceOf(InstrumentEvent.Measured.class, event).measurements().get(0);
            assertEquals("height-weight", measurement.get("type"));
            assertEquals(3, measurement.size(), measurement.toString());
        }
    }

    @Test
    void td42xxGlucoseMeterReportsOnlyTheNewReading() throws Exception {
        OffsetDateTime started = OffsetDateTime.now(CLOCK).minusMinutes(1);
        InstrumentEvent.Measured measured = assertInstanceOf(InstrumentEvent.Measured.class, events(
                new Td42xxGlucoseMeter(CLOCK, null, Duration.ofMillis(300), "random", Duration.ZERO),
                new Td42xxMeterSimulator(Duration.ofSeconds(1), CLOCK, RANDOM), 1).get(0));
        assertFalse(measured.takenAt().isBefore(started), "the simulator's days-old readings are not reported: " + measured.takenAt());
        assertEquals("TD-4277", measured.device().model());
        double mmol = (double) measured.measurements().get(0).get("value");
        assertTrue(mmol >= 4.4 && mmol <= 11.1, "80–200 mg/dL in mmol/L: " + mmol);
    }

    @Test
    void bptruMonitorReportsANewMeasurement() throws Exception {
        Map<String, Object> measurement = firstMeasurement(new BptruMonitor(CLOCK, null, Duration.ofMillis(300)),
                new BptruMonitorSimulator(Duration.ofSeconds(1), RANDOM));
        assertEquals("blood-pressure", measurement.get("type"));
        int systolic = (int) measurement.get("systolic");
        assertTrue(systolic >= 105 && systolic <= 165, measurement.toString());
        assertEquals("mmHg", measurement.get("unit"));
    }

    @Test
    void idCardReaderPresentsAndRemovesTheCard() throws Exception {
        List<InstrumentEvent> events = events(new IdCardReader(Duration.ofMillis(200), 3),
                new IdCardReaderSimulator("31010419800101123X", "李四", Duration.ofSeconds(3), Duration.ofSeconds(2), RANDOM), 2);
        assertEquals(new InstrumentEvent.CardPresented("resident-id-card", "31010419800101123X", "李四"), events.get(0));
        assertInstanceOf(InstrumentEvent.CardRemoved.class, events.get(1));
    }

    private Map<String, Object> firstMeasurement(Instrument driver, VirtualInstrument simulator) throws Exception {
        return assertInstanceOf(InstrumentEvent.Measured.class, events(driver, simulator, 1).get(0)).measurements().get(0);
    }

    /** Runs the simulator on one end of a pty pair and the driver on the other until {@code count} events came. */
    private List<InstrumentEvent> events(Instrument driver, VirtualInstrument simulator, int count) throws Exception {
        BlockingQueue<InstrumentEvent> events = new LinkedBlockingQueue<>();
        try (SocatPair pair = new SocatPair(ports);
             SerialPortLink agentEnd = SerialPortLink.open(pair.agentEnd.toString(), driver.lineSettings());
             SerialPortLink instrumentEnd = SerialPortLink.open(pair.instrumentEnd.toString(), driver.lineSettings())) {
            Thread device = Thread.ofPlatform().name("simulator").start(() -> {
                try {
                    simulator.run(instrumentEnd);
                } catch (InterruptedException e) {
                    // stopped by the test
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread host = Thread.ofPlatform().name("driver").start(() -> {
                try {
                    driver.run(agentEnd, events::add);
                } catch (InterruptedException e) {
                    // stopped by the test
                }
            });
            List<InstrumentEvent> received = new ArrayList<>();
            try {
                while (received.size() < count) {
                    InstrumentEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    assertNotNull(event, "no event within " + WAIT + " after " + received);
                    received.add(event);
                }
            } finally {
                host.interrupt();
                device.interrupt();
                host.join(2000);
                device.join(2000);
            }
            assertFalse(host.isAlive() || device.isAlive(), "driver and simulator stop when interrupted");
            return received;
        }
    }
}
