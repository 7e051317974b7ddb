package cn.sh.healthcloud.agent.serial;

import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The frame of resident ID-card readers with a security module (GA 467 style; devices.md):
 * preamble {@code AA AA AA 96 69}, 2-byte big-endian length, then that many body bytes, the last
 * of which is the XOR of the length bytes and the body before it. Replies start with three status
 * bytes.
 */
public final class IdCardFrame {

    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    public static final byte[] FIND = {0x20, 0x01};
    public static final byte[] SELECT = {0x20, 0x02};
    public static final byte[] READ = {0x30, 0x01};

    public static final int SUCCESS = 0x90;
    public static final int CARD_FOUND = 0x9F;
    public static final int NO_CARD = 0x80;
    public static final int SELECT_FAILED = 0x81;
    public static final int READ_FAILED = 0x41;

    /** A read reply is 1,295 bytes; anything much longer is a corrupted length. */
    private static final int MAX_BODY = 4096;

    private static final Logger LOG = Logger.getLogger(IdCardFrame.class.getName());

    private IdCardFrame() {
    }

    public static int checksum(byte[] lengthAndBody, int from, int to) {
        int xor = 0;
        for (int i = from; i < to; i++) {
            xor ^= lengthAndBody[i];
        }
        return xor & 0xFF;
    }

    /** A whole frame carrying {@code payload} (a command, or status bytes and data), checksum appended. */
    public static byte[] encode(byte[] payload) {
        int length = payload.length + 1;
        byte[] frame = new byte[PREAMBLE.length + 2 + length];
        System.arraycopy(PREAMBLE, 0, frame, 0, PREAMBLE.length);
        frame[5] = (byte) (length >> 8);
        frame[6] = (byte) length;
        System.arraycopy(payload, 0, frame, 7, payload.length);
        frame[frame.length - 1] = (byte) checksum(frame, 5, frame.length - 1);
        return frame;
    }

    /** A reply: the three status bytes, then {@code data}. */
    public static byte[] reply(int status, byte[] data) {
        byte[] payload = new byte[3 + data.length];
        payload[2] = (byte) status;
        System.arraycopy(data, 0, payload, 3, data.length);
        return encode(payload);
    }

    /** The third status byte of a reply payload (0x90 success, 0x9F card found, …). */
    public static int status(byte[] payload) {
        return payload.length < 3 ? -1 : payload[2] & 0xFF;
    }

    /**
     * The payload (body without its checksum) of the next good frame, or {@code null} if none came
     * before the deadline. Frames with a bad checksum or an impossible length are logged by their
     * size only (a card frame is personal data) and skipped.
     */
    public static byte[] next(LinkReader reader, long deadlineNanos) throws IOException, InterruptedException {
        while (true) {
            if (!findPreamble(reader, deadlineNanos)) {
                return null;
            }
            int high = reader.next(deadlineNanos);
            int low = high < 0 ? -1 : reader.next(deadlineNanos);
            if (low < 0) {
                return null;
            }
            int length = high << 8 | low;
            if (length < 1 || length > MAX_BODY) {
                LOG.warning("rejected ID-card frame: impossible length " + length + "; resynchronising");
                continue;
            }
            byte[] body = new byte[length];
            for (int i = 0; i < length; i++) {
                int b = reader.next(deadlineNanos);
                if (b < 0) {
                    Arrays.fill(body, (byte) 0);
                    return null;
                }
                body[i] = (byte) b;
            }
            int xor = high ^ low ^ checksum(body, 0, length - 1);
            if (xor == (body[length - 1] & 0xFF)) {
                byte[] payload = Arrays.copyOf(body, length - 1);
                Arrays.fill(body, (byte) 0);
                return payload;
            }
            Arrays.fill(body, (byte) 0);
            LOG.warning("rejected ID-card frame of " + length + " bytes: checksum mismatch; resynchronising");
        }
    }

    private static boolean findPreamble(LinkReader reader, long deadlineNanos) throws IOException, InterruptedException {
        int matched = 0;
        while (matched < PREAMBLE.length) {
            int b = reader.next(deadlineNanos);
            if (b < 0) {
                return false;
            }
            if (b == (PREAMBLE[matched] & 0xFF)) {
                matched++;
            } else if (b == 0xAA) {
                // AA AA AA AA 96 69 still holds a preamble; AA AA AA 96 AA starts a new one.
                matched = matched == 3 ? 3 : 1;
            } else {
                matched = 0;
            }
        }
        return true;
    }
}
