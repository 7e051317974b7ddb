package cn.sh.healthcloud.agent.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The drivers by the names the configuration file uses, and the options each takes.
 *
 * <ul>
 * <li>{@code tanita}: {@code serial}; {@code bmr-unit} {@code kcal} (default) or {@code kJ}.</li>
 * <li>{@code taidoc-td42xx}: {@code serial}; {@code poll-seconds} (default 3);
 *     {@code meal-context} of readings without a meal flag, {@code random} (default), {@code fasting}
 *     or {@code postprandial-2h}; {@code backfill-minutes} of stored readings reported on first
 *     contact (default 5).</li>
 * <li>{@code bptru}: {@code serial}; {@code poll-seconds} (default 2).</li>
 * <li>{@code id-card-reader}: {@code poll-millis} (default 500); {@code removal-polls}, missed polls
 *     before a card counts as removed (default 3).</li>
 * </ul>
 */
public final class Instruments {

    /** Kiosks are in Shanghai: instruments without a time zone of their own keep local time. */
    public static final ZoneId KIOSK_ZONE = ZoneId.of("Asia/Shanghai");

    public static final Set<String> DRIVERS = Set.of(TanitaScale.DRIVER, Td42xxGlucoseMeter.DRIVER, BptruMonitor.DRIVER,
            IdCardReader.DRIVER);

    private Instruments() {
    }

    public static Instrument create(String driverName, Map<String, String> options) {
        return create(driverName, options, Clock.system(KIOSK_ZONE));
    }

    public static Instrument create(String driverName, Map<String, String> options, Clock clock) {
        String owner = "driver " + driverName;
        return switch (driverName) {
            case TanitaScale.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("serial", "bmr-unit"));
                yield new TanitaScale(clock, o.text("serial", null), o.oneOf("bmr-unit", "kcal", Set.of("kcal", "kJ")));
            }
            case Td42xxGlucoseMeter.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("serial", "poll-seconds", "meal-context", "backfill-minutes"));
                yield new Td42xxGlucoseMeter(clock, o.text("serial", null), Duration.ofSeconds(o.positive("poll-seconds", 3)),
                        o.oneOf("meal-context", "random", Td42xxGlucoseMeter.CONTEXTS),
                        Duration.ofMinutes(o.nonNegative("backfill-minutes", 5)));
            }
            case BptruMonitor.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("serial", "poll-seconds"));
                yield new BptruMonitor(clock, o.text("serial", null), Duration.ofSeconds(o.positive("poll-seconds", 2)));
            }
            case IdCardReader.DRIVER -> {
                DriverOptions o = new DriverOptions(owner, options, Set.of("poll-millis", "removal-polls"));
                yield new IdCardReader(Duration.ofMillis(o.positive("poll-millis", 500)), o.positive("removal-polls", 3));
            }
            default -> throw new IllegalArgumentException("unknown driver " + driverName + "; known: " + new TreeSet<>(DRIVERS));
        };
    }
}
