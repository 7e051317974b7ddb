package cn.sh.healthcloud.agent.serial;

import java.util.Set;

/**
 * The 6-byte message of the VSM BpTRU BPM-200 (devices.md; obiba/onyx {@code vsm-bptru}): id, four
 * data bytes, CRC-8 (polynomial 0x07, initial value 0) over the first five.
 */
public final class BptruMessage {

    public static final int LENGTH = 6;

    public static final int COMMAND = 0x11;
    public static final int ACK = 0x06;
    public static final int NAK = 0x15;
    public static final int RESULT = 0x42;

    public static final int START = 0x04;
    public static final int STOP = 0x01;
    public static final int FETCH_LAST_RESULT = 0x09;

    /**
     * The ids a message can start with: commands, acknowledgements, buttons (0x55), notifications
     * (0x21) and the data messages (0x41–0x54) of the onyx driver. Any other byte is noise.
     */
    private static final Set<Integer> IDS = Set.of(0x10, COMMAND, ACK, NAK, 0x55, 0x21,
            0x41, RESULT, 0x43, 0x44, 0x49, 0x4C, 0x50, 0x52, 0x53, 0x54);

    private BptruMessage() {
    }

    /** CRC-8 with polynomial 0x07, initial value 0, no reflection, no final XOR, over {@code length} bytes. */
    public static int crc8(byte[] bytes, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return crc;
    }

    public static byte[] encode(int id, int d0, int d1, int d2, int d3) {
        byte[] message = {(byte) id, (byte) d0, (byte) d1, (byte) d2, (byte) d3, 0};
        message[5] = (byte) crc8(message, 5);
        return message;
    }

    public static boolean isValid(byte[] message) {
        return message.length == LENGTH && IDS.contains(message[0] & 0xFF) && (message[5] & 0xFF) == crc8(message, 5);
    }

    public static FixedLengthFrames scanner(LinkReader reader) {
        return new FixedLengthFrames(reader, "BpTRU", LENGTH, IDS::contains, BptruMessage::isValid);
    }

    public static int id(byte[] message) {
        return message[0] & 0xFF;
    }

    /** Data byte {@code i} (0–3) as 0–255. */
    public static int data(byte[] message, int i) {
        return message[1 + i] & 0xFF;
    }
}
