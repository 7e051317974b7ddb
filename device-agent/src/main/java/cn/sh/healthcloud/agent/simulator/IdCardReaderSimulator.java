package cn.sh.healthcloud.agent.simulator;

import cn.sh.healthcloud.agent.serial.IdCardFrame;
import cn.sh.healthcloud.agent.serial.LinkReader;
import cn.sh.healthcloud.agent.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A resident ID-card reader with one configured card that is laid on the reader for
 * {@code presentFor}, taken away for {@code absentFor}, and so on, starting on the reader. Like a
 * real reader, "find" reports the card only until it has been read; "select" works while it lies there.
 */
public final class IdCardReaderSimulator implements VirtualInstrument {

    private static final int TEXT_BYTES = 256;
    private static final int PHOTO_BYTES = 1024;

    private final String idNumber;
    private final String name;
    private final Duration presentFor;
    private final Duration absentFor;
    private final RandomGenerator random;

    private long readInsertion = -1;

    public IdCardReaderSimulator(String idNumber, String name, Duration presentFor, Duration absentFor, RandomGenerator random) {
        this.idNumber = idNumber;
        this.name = name;
        this.presentFor = presentFor;
        this.absentFor = absentFor;
        this.random = random;
    }

    @Override
    public void run(SerialLink link) throws IOException, InterruptedException {
        LinkReader reader = new LinkReader(link);
        long started = System.nanoTime();
        long cycle = presentFor.toNanos() + absentFor.toNanos();
        while (true) {
            byte[] command = IdCardFrame.next(reader, LinkReader.deadlineIn(100));
            if (command == null) {
                continue;
            }
            long elapsed = System.nanoTime() - started;
            long insertion = elapsed / cycle;
            boolean present = elapsed % cycle < presentFor.toNanos();
            reader.write(answer(command, present, insertion));
        }
    }

    private byte[] answer(byte[] command, boolean present, long insertion) {
        if (Arrays.equals(command, IdCardFrame.FIND)) {
            return present && readInsertion != insertion
                    ? IdCardFrame.reply(IdCardFrame.CARD_FOUND, new byte[4])
                    : IdCardFrame.reply(IdCardFrame.NO_CARD, new byte[0]);
        }
        if (Arrays.equals(command, IdCardFrame.SELECT)) {
            return present ? IdCardFrame.reply(IdCardFrame.SUCCESS, new byte[8]) : IdCardFrame.reply(IdCardFrame.SELECT_FAILED, new byte[0]);
        }
        if (Arrays.equals(command, IdCardFrame.READ) && present) {
            readInsertion = insertion;
            return IdCardFrame.reply(IdCardFrame.SUCCESS, baseInformation());
        }
        return IdCardFrame.reply(IdCardFrame.READ_FAILED, new byte[0]);
    }

    /** Text length, photo length (both big-endian), the 256 bytes of UCS-2 text, then a stand-in for the encrypted photo. */
    private byte[] baseInformation() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(TEXT_BYTES >> 8);
        data.write(TEXT_BYTES & 0xFF);
        data.write(PHOTO_BYTES >> 8);
        data.write(PHOTO_BYTES & 0xFF);
        data.writeBytes(cardText(idNumber, name));
        byte[] photo = new byte[PHOTO_BYTES];
        random.nextBytes(photo);
        data.writeBytes(photo);
        return data.toByteArray();
    }

    /** The card's 256 bytes of text, each field padded with spaces to its width (birth date from the ID number). */
    static byte[] cardText(String idNumber, String name) {
        String birth = idNumber.length() >= 14 ? idNumber.substring(6, 14) : "19800101";
        String text = field(name, 15) + field("1", 1) + field("01", 2) + field(birth, 8)
                + field("上海市徐汇区漕溪北路1200号", 35) + field(idNumber, 18) + field("上海市公安局徐汇分局", 15)
                + field("20200101", 8) + field("20400101", 8);
        return Arrays.copyOf((text + " ".repeat(TEXT_BYTES / 2 - text.length())).getBytes(StandardCharsets.UTF_16LE), TEXT_BYTES);
    }

    private static String field(String value, int characters) {
        String cut = value.length() > characters ? value.substring(0, characters) : value;
        return cut + " ".repeat(characters - cut.length());
    }
}
