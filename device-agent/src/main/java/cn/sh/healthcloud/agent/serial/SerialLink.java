package cn.sh.healthcloud.agent.serial;

import java.io.IOException;

/**
 * A byte link to one instrument: a real serial port in production, a pipe in unit tests. Drivers
 * speak to this, never to jSerialComm, so they can be fed frames split across reads.
 */
public interface SerialLink extends AutoCloseable {

    /** Reads up to {@code buffer.length} bytes, waiting at most {@code timeoutMillis}; 0 when nothing came. */
    int read(byte[] buffer, int timeoutMillis) throws IOException;

    void write(byte[] bytes) throws IOException;

    @Override
    void close() throws IOException;
}
