package cn.sh.healthcloud.agent.simulator;

import cn.sh.healthcloud.agent.serial.SerialLink;
import cn.sh.healthcloud.agent.serial.TanitaFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A Tanita scale sending a measurement every {@code interval}: full body composition for the
 * analysers (MC-780, DC-320, SC-330), height and weight for the WB-3000 station, which is followed
 * 0.1 s later by the stray signal its manual warns about.
 */
public final class TanitaScaleSimulator implements VirtualInstrument {

    public static final String HEIGHT_WEIGHT_STATION = "WB-3000";
    private static final byte[] STRAY_SIGNAL = {0x00, (byte) 0xFF, 0x11};

    private final String model;
    private final Duration interval;
    private final RandomGenerator random;

    public TanitaScaleSimulator(String model, Duration interval, RandomGenerator random) {
        this.model = model;
        this.interval = interval;
        this.random = random;
    }

    @Override
    public void run(SerialLink link) throws IOException, InterruptedException {
        while (true) {
            Thread.sleep(interval);
            link.write(nextFrame().getBytes(StandardCharsets.ISO_8859_1));
            if (model.equals(HEIGHT_WEIGHT_STATION)) {
                Thread.sleep(100);
                link.write(STRAY_SIGNAL);
            }
        }
    }

    /** One frame of a random adult, with the values consistent with each other. */
    String nextFrame() {
        double height = between(150, 185);
        double weight = round1(between(18.5, 31) * height * height / 10_000);
        Map<String, String> fields = new LinkedHashMap<>();
        if (model.equals(HEIGHT_WEIGHT_STATION)) {
            fields.put("Hm", format(height));
            fields.put("Wk", format(weight));
            fields.put("MI", format(weight * 10_000 / (height * height)));
            return TanitaFrame.encode(model, fields);
        }
        boolean male = random.nextBoolean();
        int age = random.nextInt(25, 80);
        double fatPercent = round1(between(male ? 10 : 18, male ? 30 : 40));
        double fatMass = weight * fatPercent / 100;
        double waterPercent = round1((100 - fatPercent) * 0.73);
        fields.put("GE", male ? "1" : "2");
        fields.put("AG", Integer.toString(age));
        fields.put("Bt", "0");
        fields.put("Hm", format(height));
        fields.put("Wk", format(weight));
        fields.put("MI", format(weight * 10_000 / (height * height)));
        fields.put("FW", format(fatPercent));
        fields.put("fW", format(fatMass));
        fields.put("mW", format((weight - fatMass) * 0.94));
        fields.put("bW", format((weight - fatMass) * 0.05));
        fields.put("wW", format(weight * waterPercent / 100));
        fields.put("ww", format(waterPercent));
        fields.put("IF", Integer.toString(random.nextInt(1, 16)));
        // Mifflin-St Jeor: a plausible basal metabolic rate for the generated body.
        fields.put("rB", Long.toString(Math.round(10 * weight + 6.25 * height - 5 * age + (male ? 5 : -161))));
        fields.put("rA", Integer.toString(Math.max(18, age + random.nextInt(-6, 7))));
        return TanitaFrame.encode(model, fields);
    }

    private double between(double low, double high) {
        return random.nextDouble(low, high);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
