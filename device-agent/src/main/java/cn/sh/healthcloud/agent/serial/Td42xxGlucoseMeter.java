package cn.sh.healthcloud.agent.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * TaiDoc TD-42xx glucose meters (GlucoRx Nexus, GlucoMen Nexus, …): the driver polls the meter's
 * memory with {@link Td42xxPacket} commands (connect, model, clock, reading count, then each
 * reading's time and value, newest first) and reports every reading once.
 *
 * <p>Which readings are new: at the first poll that reaches the meter, readings from the last
 * {@code backfill} (meter clock) count as new, so a resident who measured just before the meter
 * was plugged in or the agent restarted is not lost, while older history is never flooded into the
 * current session. After that the driver remembers the newest reading it reported and stops at it
 * (or at anything older than it) on every poll. This holds when the meter's memory is full and the
 * count stops growing, and when the memory is cleared. A reading is told apart by its minute,
 * value and meal flag, so two identical readings within one minute count as one.
 *
 * <p>Times: the meter's clock may drift; each poll reads it and shifts reading times by the
 * difference to the kiosk's clock when that exceeds a minute (the meter's resolution). Values are
 * mg/dL on the wire and are sent as mmol/L (÷ 18.0, one decimal). Meal flag 0x40 (before meal)
 * becomes {@code fasting}, 0x80 (after meal) {@code postprandial-2h}, no flag the configured default.
 */
public final class Td42xxGlucoseMeter implements Instrument {

    public static final String DRIVER = "taidoc-td42xx";
    public static final String VENDOR = "TaiDoc";
    public static final Set<String> CONTEXTS = Set.of("fasting", "random", "postprandial-2h");

    private static final Logger LOG = Logger.getLogger(Td42xxGlucoseMeter.class.getName());
    private static final Set<Integer> CONNECT_REPLIES = Set.of(0x22, 0x24, 0x54);
    private static final int REPLY_TIMEOUT_MILLIS = 500;
    private static final int ATTEMPTS = 3;
    private static final int MAX_NEW_PER_POLL = 50;
    private static final byte[] EMPTY = new byte[4];

    /** One stored reading as the meter identifies it. */
    record Reading(LocalDateTime time, int mgPerDl, int mealFlag) {
    }

    /** The meter did not answer a command. */
    private static final class MeterSilent extends Exception {
        MeterSilent(String command) {
            super("no answer to command " + command);
        }
    }

    private final Clock clock;
    private final String serial;
    private final Duration pollInterval;
    private final String unflaggedContext;
    private final Duration backfill;

    private String model;
    private LocalDateTime watermark;
    private Reading newestReported;

    /**
     * @param unflaggedContext the meal context of readings without a meal flag: {@code random} unless the kiosk
     *                         only measures fasting residents
     */
    public Td42xxGlucoseMeter(Clock clock, String serial, Duration pollInterval, String unflaggedContext, Duration backfill) {
        if (!CONTEXTS.contains(unflaggedContext)) {
            throw new IllegalArgumentException("meal context must be one of " + CONTEXTS + ", not " + unflaggedContext);
        }
        this.clock = clock;
        this.serial = serial;
        this.pollInterval = pollInterval;
        this.unflaggedContext = unflaggedContext;
        this.backfill = backfill;
    }

    @Override
    public LineSettings lineSettings() {
        return new LineSettings(19200, 8, "none", 1);
    }

    @Override
    public void run(SerialLink link, Consumer<InstrumentEvent> events) throws InterruptedException {
        LinkReader reader = new LinkReader(link);
        FixedLengthFrames replies = Td42xxPacket.scanner(reader, Td42xxPacket.METER_TO_HOST);
        while (true) {
            try {
                poll(reader, replies).forEach(events);
            } catch (MeterSilent e) {
                LOG.fine(() -> "TD-42xx meter not answering: " + e.getMessage());
            } catch (FrameException e) {
                LOG.warning("rejected TD-42xx reply: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("TD-42xx link failed", e);
            }
            Thread.sleep(pollInterval);
        }
    }

    private List<InstrumentEvent.Measured> poll(LinkReader reader, FixedLengthFrames replies)
            throws IOException, InterruptedException, MeterSilent, FrameException {
        request(reader, replies, Td42xxPacket.CONNECT, EMPTY, CONNECT_REPLIES);
        if (model == null) {
            // The model number is 16-bit little-endian BCD: 0x4277 is the TD-4277.
            model = "TD-" + Integer.toHexString(Td42xxPacket.word(request(reader, replies, Td42xxPacket.GET_MODEL, EMPTY), 0));
        }
        LocalDateTime meterNow = Td42xxPacket.decodeTime(request(reader, replies, Td42xxPacket.GET_TIME, EMPTY));
        LocalDateTime kioskNow = LocalDateTime.now(clock);
        Duration drift = Duration.between(meterNow, kioskNow);
        if (drift.abs().compareTo(Duration.ofMinutes(1)) <= 0) {
            drift = Duration.ZERO;
        }
        if (watermark == null) {
            watermark = meterNow.minus(backfill);
        }
        int count = Td42xxPacket.word(request(reader, replies, Td42xxPacket.READING_COUNT, EMPTY), 0);
        List<Reading> fresh = new ArrayList<>();
        for (int index = 0; index < Math.min(count, MAX_NEW_PER_POLL); index++) {
            byte[] selection = Td42xxPacket.recordIndex(index);
            LocalDateTime time = Td42xxPacket.decodeTime(request(reader, replies, Td42xxPacket.READING_TIME, selection));
            if (time.isBefore(watermark)) {
                break;
            }
            byte[] value = request(reader, replies, Td42xxPacket.READING_VALUE, selection);
            Reading reading = new Reading(time, Td42xxPacket.word(value, 0), Td42xxPacket.data(value, 3));
            if (reading.equals(newestReported)) {
                break;
            }
            fresh.add(reading);
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        newestReported = fresh.get(0);
        watermark = newestReported.time();
        List<InstrumentEvent.Measured> measured = new ArrayList<>();
        for (int i = fresh.size() - 1; i >= 0; i--) {
            measured.add(measured(fresh.get(i), drift));
        }
        return measured;
    }

    private InstrumentEvent.Measured measured(Reading reading, Duration drift) {
        Map<String, Object> glucose = Map.of(
                "type", "glucose",
                "value", Math.round(reading.mgPerDl() / 18.0 * 10) / 10.0,
                "context", context(reading.mealFlag()),
                "unit", "mmol/L");
        return new InstrumentEvent.Measured(reading.time().plus(drift).atZone(clock.getZone()).toOffsetDateTime(),
                new InstrumentEvent.Device(VENDOR, model, serial), List.of(glucose));
    }

    private String context(int mealFlag) {
        return switch (mealFlag) {
            case Td42xxPacket.MEAL_BEFORE -> "fasting";
            case Td42xxPacket.MEAL_AFTER -> "postprandial-2h";
            default -> unflaggedContext;
        };
    }

    private byte[] request(LinkReader reader, FixedLengthFrames replies, int command, byte[] data)
            throws IOException, InterruptedException, MeterSilent {
        return request(reader, replies, command, data, Set.of(command));
    }

    /** Sends a command and waits for its reply, resending after a timeout; other packets are ignored. */
    private byte[] request(LinkReader reader, FixedLengthFrames replies, int command, byte[] data, Set<Integer> accepted)
            throws IOException, InterruptedException, MeterSilent {
        byte[] packet = Td42xxPacket.encode(command, data, Td42xxPacket.HOST_TO_METER);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            reader.discardPending();
            replies.reset();
            reader.write(packet);
            long deadline = LinkReader.deadlineIn(REPLY_TIMEOUT_MILLIS);
            byte[] reply;
            while ((reply = replies.next(deadline)) != null) {
                if (accepted.contains(Td42xxPacket.command(reply))) {
                    return reply;
                }
            }
        }
        throw new MeterSilent(String.format("0x%02X", command));
    }
}
