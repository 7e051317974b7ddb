package cn.sh.healthcloud.agent.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The VSM BpTRU BPM-200 blood-pressure monitor: the resident starts the measurement on the device;
 * the driver asks for the last result every poll interval ({@code 11 09 00 00 00}) and reports
 * each new one once.
 *
 * <p>The exchange (inferred from devices.md and the onyx driver): the monitor acknowledges a
 * command with an ACK message ({@code 06}, d0 = the command) or refuses it with a NAK ({@code 15});
 * after acknowledging "fetch last result" it sends the result ({@code 42} status, systolic,
 * diastolic, pulse) if it has one. NAKs, bad CRCs and silence are retried a few times.
 *
 * <p>Which results are new: the result held when the driver first reaches the monitor is from
 * before the agent was watching and is not reported. After that, a result that differs from the
 * previous one is new. The protocol carries no result number, so two measurements in a row with
 * the same status and values count as one.
 *
 * <p>Status byte (onyx {@code NIBPCode}): bit 7 system error, bit 6 systolic, bit 5 diastolic,
 * bit 4 pulse error, the low four bits the system error's code. A result with a system, systolic
 * or diastolic error is skipped with a log line; one with only a pulse error is reported
 * without pulse.
 */
public final class BptruMonitor implements Instrument {

    public static final String DRIVER = "bptru";
    public static final String VENDOR = "VSM MedTech";
    public static final String MODEL = "BpTRU BPM-200";

    private static final Logger LOG = Logger.getLogger(BptruMonitor.class.getName());
    private static final int REPLY_TIMEOUT_MILLIS = 500;
    private static final int ATTEMPTS = 3;
    private static final int PRESSURE_ERRORS = 0xE0;
    private static final int PULSE_ERROR = 0x10;

    private final Clock clock;
    private final String serial;
    private final Duration pollInterval;

    private boolean baselineTaken;
    private byte[] lastResult;

    public BptruMonitor(Clock clock, String serial, Duration pollInterval) {
        this.clock = clock;
        this.serial = serial;
        this.pollInterval = pollInterval;
    }

    @Override
    public LineSettings lineSettings() {
        return new LineSettings(9600, 8, "none", 1);
    }

    @Override
    public void run(SerialLink link, Consumer<InstrumentEvent> events) throws InterruptedException {
        LinkReader reader = new LinkReader(link);
        FixedLengthFrames messages = BptruMessage.scanner(reader);
        while (true) {
            try {
                fetchLastResult(reader, messages, events);
            } catch (IOException e) {
                throw new UncheckedIOException("BpTRU link failed", e);
            }
            Thread.sleep(pollInterval);
        }
    }

    private void fetchLastResult(LinkReader reader, FixedLengthFrames messages, Consumer<InstrumentEvent> events)
            throws IOException, InterruptedException {
        byte[] command = BptruMessage.encode(BptruMessage.COMMAND, BptruMessage.FETCH_LAST_RESULT, 0, 0, 0);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            reader.discardPending();
            messages.reset();
            reader.write(command);
            long deadline = LinkReader.deadlineIn(REPLY_TIMEOUT_MILLIS);
            boolean acknowledged = false;
            byte[] message;
            while ((message = messages.next(deadline)) != null) {
                int id = BptruMessage.id(message);
                if (id == BptruMessage.NAK) {
                    LOG.fine("BpTRU refused fetch-last-result (NAK)");
                    break;
                } else if (id == BptruMessage.ACK && BptruMessage.data(message, 0) == BptruMessage.FETCH_LAST_RESULT) {
                    acknowledged = true;
                } else if (id == BptruMessage.RESULT && acknowledged) {
                    accept(Arrays.copyOfRange(message, 1, 5), events);
                    return;
                }
            }
            if (acknowledged) {
                // Acknowledged, no result followed: the monitor has none yet.
                baselineTaken = true;
                return;
            }
        }
        LOG.fine("BpTRU not answering fetch-last-result");
    }

    private void accept(byte[] result, Consumer<InstrumentEvent> events) {
        boolean baseline = !baselineTaken;
        baselineTaken = true;
        if (Arrays.equals(result, lastResult)) {
            return;
        }
        lastResult = result;
        if (baseline) {
            return;
        }
        int status = result[0] & 0xFF;
        if ((status & PRESSURE_ERRORS) != 0) {
            LOG.info(() -> String.format("BpTRU result skipped: the monitor flagged an error (status 0x%02X)", status));
            return;
        }
        Map<String, Object> bloodPressure = new LinkedHashMap<>();
        bloodPressure.put("type", "blood-pressure");
        bloodPressure.put("systolic", result[1] & 0xFF);
        bloodPressure.put("diastolic", result[2] & 0xFF);
        if ((status & PULSE_ERROR) == 0) {
            bloodPressure.put("pulse", result[3] & 0xFF);
        }
        bloodPressure.put("unit", "mmHg");
        events.accept(new InstrumentEvent.Measured(OffsetDateTime.now(clock), new InstrumentEvent.Device(VENDOR, MODEL, serial),
                List.of(bloodPressure)));
    }
}
