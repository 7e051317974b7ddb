package cn.sh.healthcloud.agent.simulator;

import cn.sh.healthcloud.agent.serial.BptruMessage;
import cn.sh.healthcloud.agent.serial.FixedLengthFrames;
import cn.sh.healthcloud.agent.serial.LinkReader;
import cn.sh.healthcloud.agent.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A VSM BpTRU BPM-200 answering the host's commands: it holds a result from before the host
 * connected and takes a new measurement every {@code interval} (or when told to start), with
 * values spread over normal to hypertensive (systolic 105–165, diastolic 65–100 mmHg).
 */
public final class BptruMonitorSimulator implements VirtualInstrument {

    private final Duration interval;
    private final RandomGenerator random;
    private byte[] lastResult;

    public BptruMonitorSimulator(Duration interval, RandomGenerator random) {
        this.interval = interval;
        this.random = random;
        this.lastResult = measure();
    }

    @Override
    public void run(SerialLink link) throws IOException, InterruptedException {
        LinkReader reader = new LinkReader(link);
        FixedLengthFrames messages = BptruMessage.scanner(reader);
        long nextMeasurement = System.nanoTime() + interval.toNanos();
        while (true) {
            if (System.nanoTime() >= nextMeasurement) {
                lastResult = measure();
                nextMeasurement += interval.toNanos();
            }
            byte[] message = messages.next(LinkReader.deadlineIn(100));
            if (message != null && BptruMessage.id(message) == BptruMessage.COMMAND) {
                answer(BptruMessage.data(message, 0), reader);
            }
        }
    }

    private void answer(int command, LinkReader reader) throws IOException {
        switch (command) {
            case BptruMessage.FETCH_LAST_RESULT -> {
                reader.write(BptruMessage.encode(BptruMessage.ACK, command, 0, 0, 0));
                reader.write(lastResult);
            }
            case BptruMessage.START -> {
                reader.write(BptruMessage.encode(BptruMessage.ACK, command, 0, 0, 0));
                lastResult = measure();
            }
            case BptruMessage.STOP -> reader.write(BptruMessage.encode(BptruMessage.ACK, command, 0, 0, 0));
            default -> reader.write(BptruMessage.encode(BptruMessage.NAK, command, 0, 0, 0));
        }
    }

    private byte[] measure() {
        int systolic = random.nextInt(105, 166);
        int diastolic = Math.min(random.nextInt(65, 101), systolic - 25);
        return BptruMessage.encode(BptruMessage.RESULT, 0x00, systolic, diastolic, random.nextInt(55, 101));
    }
}
