package cn.sh.healthcloud.agent.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Tanita body-composition scales (MC-780, DC-320, SC-330) and height/weight stations (WB-3000,
 * WB-8000RW): the scale sends one {@link TanitaFrame} line per measurement, unasked.
 *
 * <p>A frame with body-fat analysis ({@code FW}) becomes {@code body-composition}; one with only
 * height and weight (the WB-3000's {@code Hm, Wk, MI}) becomes {@code height-weight}. Bytes outside
 * a {@code {…CR LF} line are skipped, which also drops the WB-3000's stray signal after each frame.
 * Pound mode ({@code Wp}) is converted to kg, and so is muscle mass in that mode (inferred: the
 * scale reports all masses in the chosen unit). Optional fields outside the service's plausible
 * ranges (a 0 for "not measured", a BMR in the wrong unit) are left out with a log line, so one
 * odd field does not make the service reject the whole reading.
 */
public final class TanitaScale implements Instrument {

    public static final String DRIVER = "tanita";
    public static final String VENDOR = "Tanita";

    private static final Logger LOG = Logger.getLogger(TanitaScale.class.getName());
    private static final int MAX_LINE = 1024;
    private static final double KG_PER_LB = 0.45359237;
    private static final double KJ_PER_KCAL = 4.184;

    /** Tanita key → §3.3 body-composition field, with the service's plausible range. */
    private record Field(String key, String name, double min, double max) {
    }

    private static final List<Field> BODY_COMPOSITION = List.of(
            new Field("FW", "bodyFatPercent", 2, 75),
            new Field("Hm", "heightCm", 40, 250),
            new Field("mW", "muscleKg", 1, 200),
            new Field("ww", "bodyWaterPercent", 10, 90),
            new Field("IF", "visceralFat", 1, 60),
            new Field("rB", "bmrKcal", 300, 6000));

    private final Clock clock;
    private final String serial;
    private final boolean bmrInKilojoules;

    /**
     * @param bmrUnit {@code kcal} (devices.md) or {@code kJ} for a model configured to report kilojoules
     */
    public TanitaScale(Clock clock, String serial, String bmrUnit) {
        this.clock = clock;
        this.serial = serial;
        this.bmrInKilojoules = "kJ".equals(bmrUnit);
    }

    @Override
    public LineSettings lineSettings() {
        return new LineSettings(9600, 8, "none", 1);
    }

    @Override
    public void run(SerialLink link, Consumer<InstrumentEvent> events) throws InterruptedException {
        LinkReader reader = new LinkReader(link);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean inFrame = false;
        try {
            while (true) {
                int b = reader.next(LinkReader.deadlineIn(1000));
                if (b < 0) {
                    continue;
                }
                if (b == '{') {
                    if (inFrame) {
                        LOG.warning("rejected Tanita frame: cut short by the next frame; resynchronising");
                    }
                    line.reset();
                    inFrame = true;
                } else if (!inFrame) {
                    continue;
                }
                if (b == '\n') {
                    inFrame = false;
                    accept(line.toString(StandardCharsets.ISO_8859_1).stripTrailing(), events);
                } else if (line.size() == MAX_LINE) {
                    inFrame = false;
                    LOG.warning("rejected Tanita frame: longer than " + MAX_LINE + " bytes without CR LF");
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Tanita link failed", e);
        }
    }

    private void accept(String line, Consumer<InstrumentEvent> events) {
        try {
            events.accept(measured(TanitaFrame.decode(line)));
        } catch (FrameException e) {
            LOG.warning("rejected Tanita frame: " + e.getMessage());
        }
    }

    /** The reading of one decoded frame. */
    InstrumentEvent.Measured measured(Map<String, String> fields) throws FrameException {
        String model = fields.get("MO");
        if (model == null || model.isBlank()) {
            throw new FrameException("has no model (MO)");
        }
        boolean pounds = !fields.containsKey("Wk") && fields.containsKey("Wp");
        Double weight = pounds ? toKg(number(fields, "Wp")) : number(fields, "Wk");
        if (weight == null) {
            throw new FrameException("has no weight (Wk or Wp)");
        }
        Map<String, Object> measurement = new LinkedHashMap<>();
        if (fields.containsKey("FW")) {
            measurement.put("type", "body-composition");
            measurement.put("weightKg", weight);
            for (Field field : BODY_COMPOSITION) {
                Double value = number(fields, field.key());
                if (value != null && pounds && field.key().equals("mW")) {
                    value = toKg(value);
                }
                if (value != null && bmrInKilojoules && field.key().equals("rB")) {
                    value = (double) Math.round(value / KJ_PER_KCAL);
                }
                if (value == null) {
                    continue;
                }
                if (value < field.min() || value > field.max()) {
                    LOG.info(() -> "Tanita " + model + ": left out " + field.name() + " (" + field.key() + "), outside "
                            + field.min() + "–" + field.max());
                    continue;
                }
                measurement.put(field.name(), value);
            }
        } else {
            Double height = number(fields, "Hm");
            if (height == null) {
                throw new FrameException("has neither body-fat analysis (FW) nor height (Hm)");
            }
            measurement.put("type", "height-weight");
            measurement.put("heightCm", height);
            measurement.put("weightKg", weight);
        }
        return new InstrumentEvent.Measured(OffsetDateTime.now(clock), new InstrumentEvent.Device(VENDOR, model, serial),
                List.of(measurement));
    }

    private static Double number(Map<String, String> fields, String key) throws FrameException {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new FrameException("field " + key + " is not a number");
        }
    }

    private static Double toKg(Double pounds) {
        return pounds == null ? null : Math.round(pounds * KG_PER_LB * 10) / 10.0;
    }
}
