package cn.sh.healthcloud.agent.serial;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Finds fixed-length binary frames in a byte stream. Bytes that cannot start a frame are skipped;
 * a frame that fails its check is logged and the search slides on to the next byte that can
 * start one, so the scanner resynchronises on the next good frame even inside the bad one.
 */
public final class FixedLengthFrames {

    private static final Logger LOG = Logger.getLogger(FixedLengthFrames.class.getName());

    private final LinkReader reader;
    private final String protocol;
    private final IntPredicate startsFrame;
    private final Predicate<byte[]> valid;
    private final byte[] window;
    private int filled;

    /**
     * @param startsFrame whether a byte can be the first of a frame (a start byte, a known message id)
     * @param valid       the frame's own check (checksum, CRC, direction byte)
     */
    public FixedLengthFrames(LinkReader reader, String protocol, int length, IntPredicate startsFrame, Predicate<byte[]> valid) {
        this.reader = reader;
        this.protocol = protocol;
        this.startsFrame = startsFrame;
        this.valid = valid;
        this.window = new byte[length];
    }

    /** The next good frame, or {@code null} if none completed before the deadline. */
    public byte[] next(long deadlineNanos) throws IOException, InterruptedException {
        while (true) {
            int b = reader.next(deadlineNanos);
            if (b < 0) {
                return null;
            }
            if (filled == 0 && !startsFrame.test(b)) {
                continue;
            }
            window[filled++] = (byte) b;
            if (filled < window.length) {
                continue;
            }
            byte[] frame = window.clone();
            if (valid.test(frame)) {
                filled = 0;
                return frame;
            }
            LOG.warning(() -> "rejected " + protocol + " frame: check failed; resynchronising");
            slideToNextStart();
        }
    }

    /** Forgets a partial frame, e.g. before a new command whose reply must not be mixed with older bytes. */
    public void reset() {
        filled = 0;
    }

    private void slideToNextStart() {
        int start = 1;
        while (start < window.length && !startsFrame.test(window[start] & 0xFF)) {
            start++;
        }
        System.arraycopy(window, start, window, 0, window.length - start);
        filled = window.length - start;
        Arrays.fill(window, filled, window.length, (byte) 0);
    }
}
