package cn.sh.healthcloud.agent.serial;

import java.io.IOException;
import java.util.Arrays;

/**
 * The bytes of a link one at a time, each awaited until a deadline: the common ground of the
 * frame scanners, so a frame split across reads is no different from one that came whole.
 */
public final class LinkReader {

    /** Reads wait at most this long, so an interrupt is noticed within a tenth of a second. */
    private static final int SLICE_MILLIS = 100;

    private final SerialLink link;
    private final byte[] chunk = new byte[2048];
    private int position;
    private int limit;

    public LinkReader(SerialLink link) {
        this.link = link;
    }

    /** A deadline {@code millis} from now, in {@link System#nanoTime()} terms. */
    public static long deadlineIn(long millis) {
        return System.nanoTime() + millis * 1_000_000L;
    }

    /** The next byte (0–255), or -1 once {@code deadlineNanos} has passed with nothing to read. */
    public int next(long deadlineNanos) throws IOException, InterruptedException {
        while (position == limit) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (remainingMillis <= 0) {
                return -1;
            }
            position = 0;
            limit = link.read(chunk, (int) Math.min(SLICE_MILLIS, remainingMillis));
        }
        return chunk[position++] & 0xFF;
    }

    /** Drops what has arrived and not been read, so a command's reply is not confused with a stale one. */
    public void discardPending() throws IOException {
        position = 0;
        limit = 0;
        while (link.read(chunk, 1) > 0) {
            // drained
        }
        wipe();
    }

    /** Overwrites the read buffer: after a card frame, its personal data must not linger in memory. */
    public void wipe() {
        Arrays.fill(chunk, limit, chunk.length, (byte) 0);
        Arrays.fill(chunk, 0, position, (byte) 0);
    }

    public void write(byte[] bytes) throws IOException {
        link.write(bytes);
    }
}
