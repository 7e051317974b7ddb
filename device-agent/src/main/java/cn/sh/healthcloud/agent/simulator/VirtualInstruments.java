package cn.sh.healthcloud.agent.simulator;

import cn.sh.healthcloud.agent.serial.BptruMonitor;
import cn.sh.healthcloud.agent.serial.DriverOptions;
import cn.sh.healthcloud.agent.serial.IdCardReader;
import cn.sh.healthcloud.agent.serial.Instruments;
import cn.sh.healthcloud.agent.serial.TanitaScale;
import cn.sh.healthcloud.agent.serial.Td42xxGlucoseMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The virtual instruments by driver name, and their options.
 *
 * <ul>
 * <li>{@code tanita}: {@code model} (default MC-780; WB-3000 for the height/weight station),
 *     {@code interval-seconds} between measurements (default 15).</li>
 * <li>{@code taidoc-td42xx}: {@code interval-seconds} between new readings (default 30).</li>
 * <li>{@code bptru}: {@code interval-seconds} between measurements (default 30).</li>
 * <li>{@code id-card-reader}: {@code id-number} and {@code name} of the card (default the
 *     standard's sample number 11010519491231002X, 张三), {@code present-seconds} (default 20) and
 *     {@code absent-seconds} (default 15).</li>
 * </ul>
 */
public final class VirtualInstruments {

    private VirtualInstruments() {
    }

    public static VirtualInstrument create(String driverName, Map<String, String> options) {
        String owner = "simulator " + driverName;
        RandomGenerator random = RandomGenerator.getDefault();
        return switch (driverName) {
            case TanitaScale.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("model", "interval-seconds"));
                yield new TanitaScaleSimulator(o.text("model", "MC-780"), Duration.ofSeconds(o.positive("interval-seconds", 15)), random);
            }
            case Td42xxGlucoseMeter.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("interval-seconds"));
                yield new Td42xxMeterSimulator(Duration.ofSeconds(o.positive("interval-seconds", 30)),
                        Clock.system(Instruments.KIOSK_ZONE), random);
            }
            case BptruMonitor.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("interval-seconds"));
                yield new BptruMonitorSimulator(Duration.ofSeconds(o.positive("interval-seconds", 30)), random);
            }
            case IdCardReader.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("id-number", "name", "present-seconds", "absent-seconds"));
                yield new IdCardReaderSimulator(o.text("id-number", "11010519491231002X"), o.text("name", "张三"),
                        Duration.ofSeconds(o.positive("present-seconds", 20)), Duration.ofSeconds(o.positive("absent-seconds", 15)), random);
            }
            default -> throw new IllegalArgumentException("no simulator for driver " + driverName + "; known: "
                    + new TreeSet<>(Instruments.DRIVERS));
        };
    }
}
