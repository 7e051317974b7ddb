package cn.sh.healthcloud.agent.serial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-memory {@link SerialLink}: reads are served, chunk by chunk as queued, from what the test
 * feeds and from what a scripted device answers to each write, so frames arrive split exactly where
 * the test splits them.
 */
final class ScriptedLink implements SerialLink {

    private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
    private final Function<byte[], List<byte[]>> device;
    private final List<byte[]> written = Collections.synchronizedList(new ArrayList<>());
    private byte[] pending = new byte[0];

    /** A link to an instrument that only talks. */
    ScriptedLink() {
        this(command -> List.of());
    }

    /** A link to an instrument that answers each write of the host with the chunks {@code device} returns. */
    ScriptedLink(Function<byte[], List<byte[]>> device) {
        this.device = device;
    }

    void feed(byte[]... chunks) {
        incoming.addAll(Arrays.asList(chunks));
    }

    List<byte[]> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws java.io.IOException {
        if (pending.length == 0) {
            try {
                byte[] chunk = incoming.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    return 0;
                }
                pending = chunk;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        int n = Math.min(buffer.length, pending.length);
        System.arraycopy(pending, 0, buffer, 0, n);
        pending = Arrays.copyOfRange(pending, n, pending.length);
        return n;
    }

    @Override
    public void write(byte[] bytes) {
        written.add(bytes.clone());
        incoming.addAll(device.apply(bytes.clone()));
    }

    @Override
    public void close() {
    }

    /** {@code bytes} cut at the given offsets, e.g. inside a checksum or between CR and LF. */
    static byte[][] cut(byte[] bytes, int... offsets) {
        byte[][] chunks = new byte[offsets.length + 1][];
        int from = 0;
        for (int i = 0; i < offsets.length; i++) {
            chunks[i] = Arrays.copyOfRange(bytes, from, offsets[i]);
            from = offsets[i];
        }
        chunks[offsets.length] = Arrays.copyOfRange(bytes, from, bytes.length);
        return chunks;
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static byte[] hex(String hex) {
        String digits = hex.replace(" ", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
