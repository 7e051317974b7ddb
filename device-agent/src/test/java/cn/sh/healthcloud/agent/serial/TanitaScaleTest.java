package cn.sh.healthcloud.agent.serial;

import static cn.sh.healthcloud.agent.serial.ScriptedLink.concat;
import static cn.sh.healthcloud.agent.serial.ScriptedLink.cut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TanitaScaleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:41:07Z"), Instruments.KIOSK_ZONE);
    private static final Duration WAIT = Duration.ofSeconds(2);

    private static byte[] line(String frame) {
        return (frame + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void framesSplitAcrossReadsWithNoiseAndABadChecksumBetweenThem() throws InterruptedException {
        byte[] noise = {0x00, (byte) 0xFF, 'x', '\r', '\n', 0x11};
        byte[] corrupted = line(TanitaFrameTest.MC_780.replace("Wk,71.4", "Wk,77.4"));
        byte[] wb3000Stray = {0x00, (byte) 0xFF, 0x11};
        byte[] stream = concat(noise, line(TanitaFrameTest.MC_780), corrupted, line(TanitaFrameTest.WB_3000), wb3000Stray,
                line(TanitaFrameTest.DC_320_POUNDS));
        int first = noise.length;
        int second = first + line(TanitaFrameTest.MC_780).length;
        ScriptedLink link = new ScriptedLink();
        // Cuts: right after "{", inside "CS,A9", between CR and LF, inside the bad frame, inside the stray bytes.
        link.feed(cut(stream, 3, first + 1, second - 4, second - 1, second + 20, stream.length - line(TanitaFrameTest.DC_320_POUNDS).length - 2));

        try (DriverRun run = new DriverRun(new TanitaScale(CLOCK, "SN-1", "kcal"), link)) {
            InstrumentEvent.Measured composition = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals(Map.of("type", "body-composition", "weightKg", 71.4, "bodyFatPercent", 27.9, "heightCm", 170.0,
                    "muscleKg", 48.8, "bodyWaterPercent", 52.6, "visceralFat", 9.0, "bmrKcal", 1580.0), composition.measurements().get(0));
            assertEquals(new InstrumentEvent.Device("Tanita", "MC-780", "SN-1"), composition.device());
            assertEquals(OffsetDateTime.parse("2026-11-22T09:41:07+08:00"), composition.takenAt());

            InstrumentEvent.Measured station = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals(Map.of("type", "height-weight", "heightCm", 168.5, "weightKg", 60.2), station.measurements().get(0));
            assertEquals("WB-3000", station.device().model());

            // Pound mode: 157.4 lb = 71.4 kg, muscle 115.0 lb = 52.2 kg; visceral fat 0 ("not measured")
            // and a BMR of 6615 (not kcal) are left out rather than sent out of range.
            InstrumentEvent.Measured pounds = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals(Map.of("type", "body-composition", "weightKg", 71.4, "bodyFatPercent", 22.0, "muscleKg", 52.2),
                    pounds.measurements().get(0));

            run.assertNoMoreWithin(Duration.ofMillis(300));
        }
    }

    @Test
    void bmrInKilojoulesIsConvertedToKcal() throws InterruptedException {
        ScriptedLink link = new ScriptedLink();
        link.feed(line(TanitaFrameTest.DC_320_POUNDS));
        try (DriverRun run = new DriverRun(new TanitaScale(CLOCK, null, "kJ"), link)) {
            InstrumentEvent.Measured measured = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals(1581.0, measured.measurements().get(0).get("bmrKcal"));
        }
    }

    @Test
    void aFrameCutShortByTheNextIsDroppedAndTheNextKept() throws InterruptedException {
        String truncated = TanitaFrameTest.MC_780.substring(0, 40);
        ScriptedLink link = new ScriptedLink();
        link.feed(concat(truncated.getBytes(StandardCharsets.ISO_8859_1), line(TanitaFrameTest.WB_3000)));
        try (DriverRun run = new DriverRun(new TanitaScale(CLOCK, null, "kcal"), link)) {
            InstrumentEvent.Measured measured = assertInstanceOf(InstrumentEvent.Measured.class, run.next(WAIT));
            assertEquals("height-weight", measured.measurements().get(0).get("type"));
            run.assertNoMoreWithin(Duration.ofMillis(200));
        }
    }
}
