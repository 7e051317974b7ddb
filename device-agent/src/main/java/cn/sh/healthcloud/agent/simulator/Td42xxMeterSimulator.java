package cn.sh.healthcloud.agent.simulator;

import cn.sh.healthcloud.agent.serial.FixedLengthFrames;
import cn.sh.healthcloud.agent.serial.LinkReader;
import cn.sh.healthcloud.agent.serial.SerialLink;
import cn.sh.healthcloud.agent.serial.Td42xxPacket;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A TaiDoc TD-4277 glucose meter answering the host's {@link Td42xxPacket} commands. Its memory
 * starts with a few readings from past days (which a driver must not report as new) and gains a
 * new reading every {@code interval}, as if a resident had just measured.
 */
public final class Td42xxMeterSimulator implements VirtualInstrument {

    private static final int MEMORY = 450;
    private static final int[] MEAL_FLAGS = {Td42xxPacket.MEAL_NONE, Td42xxPacket.MEAL_BEFORE, Td42xxPacket.MEAL_AFTER};

    /** A stored reading; the memory list holds the newest first, as the meter indexes it. */
    private record Stored(LocalDateTime time, int mgPerDl, int mealFlag) {
    }

    private final Duration interval;
    private final Clock clock;
    private final RandomGenerator random;
    private final List<Stored> memory = new ArrayList<>();

    public Td42xxMeterSimulator(Duration interval, Clock clock, RandomGenerator random) {
        this.interval = interval;
        this.clock = clock;
        this.random = random;
        LocalDateTime now = now();
        for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
            store(now.minusDays(daysAgo));
        }
    }

    @Override
    public void run(SerialLink link) throws IOException, InterruptedException {
        LinkReader reader = new LinkReader(link);
        FixedLengthFrames commands = Td42xxPacket.scanner(reader, Td42xxPacket.HOST_TO_METER);
        long nextReading = System.nanoTime() + interval.toNanos();
        while (true) {
            if (System.nanoTime() >= nextReading) {
                store(now());
                nextReading += interval.toNanos();
            }
            byte[] command = commands.next(LinkReader.deadlineIn(100));
            if (command != null) {
                reader.write(Td42xxPacket.encode(replyCommand(command), replyData(command), Td42xxPacket.METER_TO_HOST));
            }
        }
    }

    private static int replyCommand(byte[] command) {
        // Some TD-42xx meters answer "connect" with 0x54 rather than echoing 0x22.
        return Td42xxPacket.command(command) == Td42xxPacket.CONNECT ? 0x54 : Td42xxPacket.command(command);
    }

    private byte[] replyData(byte[] command) {
        int index = Td42xxPacket.word(command, 0);
        return switch (Td42xxPacket.command(command)) {
            case Td42xxPacket.GET_MODEL -> new byte[] {0x77, 0x42, 0x01, 0x00};
            case Td42xxPacket.GET_TIME -> Td42xxPacket.encodeTime(now());
            case Td42xxPacket.READING_COUNT -> new byte[] {(byte) memory.size(), (byte) (memory.size() >> 8), (byte) 0xFF, (byte) 0xFF};
            case Td42xxPacket.READING_TIME -> index < memory.size() ? Td42xxPacket.encodeTime(memory.get(index).time()) : new byte[4];
            case Td42xxPacket.READING_VALUE -> {
                if (index >= memory.size()) {
                    yield new byte[4];
                }
                Stored stored = memory.get(index);
                yield new byte[] {(byte) stored.mgPerDl(), (byte) (stored.mgPerDl() >> 8), 0, (byte) stored.mealFlag()};
            }
            default -> new byte[4];
        };
    }

    private void store(LocalDateTime time) {
        memory.add(0, new Stored(time, random.nextInt(80, 200), MEAL_FLAGS[random.nextInt(MEAL_FLAGS.length)]));
        if (memory.size() > MEMORY) {
            memory.remove(memory.size() - 1);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    }
}
