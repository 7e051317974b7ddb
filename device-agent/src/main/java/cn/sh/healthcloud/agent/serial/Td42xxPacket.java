package cn.sh.healthcloud.agent.serial;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The 8-byte packet of TaiDoc TD-42xx glucose meters (devices.md; glucometer-protocols
 * {@code taidoc/td42xx.md}): {@code 0x51}, command, four data bytes, direction, checksum = low byte
 * of the sum of the first seven.
 */
public final class Td42xxPacket {

    public static final int LENGTH = 8;
    public static final int START = 0x51;
    public static final int HOST_TO_METER = 0xA3;
    public static final int METER_TO_HOST = 0xA5;

    public static final int CONNECT = 0x22;
    public static final int GET_TIME = 0x23;
    public static final int GET_MODEL = 0x24;
    public static final int READING_TIME = 0x25;
    public static final int READING_VALUE = 0x26;
    public static final int READING_COUNT = 0x2B;

    public static final int MEAL_NONE = 0x00;
    public static final int MEAL_BEFORE = 0x40;
    public static final int MEAL_AFTER = 0x80;

    private Td42xxPacket() {
    }

    public static int checksum(byte[] packet) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += packet[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    public static byte[] encode(int command, byte[] data, int direction) {
        byte[] packet = {(byte) START, (byte) command, data[0], data[1], data[2], data[3], (byte) direction, 0};
        packet[7] = (byte) checksum(packet);
        return packet;
    }

    /** Whether a received packet is whole and travels in {@code direction}. */
    public static boolean isValid(byte[] packet, int direction) {
        return packet.length == LENGTH && (packet[0] & 0xFF) == START && (packet[6] & 0xFF) == direction
                && (packet[7] & 0xFF) == checksum(packet);
    }

    /** A scanner for packets travelling in {@code direction} (the other side's packets, from the reader's view). */
    public static FixedLengthFrames scanner(LinkReader reader, int direction) {
        return new FixedLengthFrames(reader, "TD-42xx", LENGTH, b -> b == START, packet -> isValid(packet, direction));
    }

    public static int command(byte[] packet) {
        return packet[1] & 0xFF;
    }

    /** Data byte {@code i} (0–3) as 0–255. */
    public static int data(byte[] packet, int i) {
        return packet[2 + i] & 0xFF;
    }

    /** Data bytes {@code i} and {@code i+1} as a little-endian 16-bit number. */
    public static int word(byte[] packet, int i) {
        return data(packet, i) | data(packet, i + 1) << 8;
    }

    /** The four data bytes carrying a record index (16-bit little-endian, then two zero bytes). */
    public static byte[] recordIndex(int index) {
        return new byte[] {(byte) index, (byte) (index >> 8), 0, 0};
    }

    /**
     * Date and time as the meter packs them: a 16-bit little-endian day word (7 bits of year since
     * 2000, 4 of month, 5 of day, most significant first), then minute, then hour.
     */
    public static byte[] encodeTime(LocalDateTime time) {
        int day = (time.getYear() - 2000) << 9 | time.getMonthValue() << 5 | time.getDayOfMonth();
        return new byte[] {(byte) day, (byte) (day >> 8), (byte) time.getMinute(), (byte) time.getHour()};
    }

    public static LocalDateTime decodeTime(byte[] packet) throws FrameException {
        int day = word(packet, 0);
        try {
            return LocalDateTime.of(2000 + (day >> 9), day >> 5 & 0x0F, day & 0x1F, data(packet, 3), data(packet, 2));
        } catch (DateTimeException e) {
            throw new FrameException("holds an impossible date or time");
        }
    }
}
