package cn.sh.healthcloud.agent;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@code socat} pseudo-terminal pair: the agent opens one end as its instrument's serial port,
 * the test (or a simulator) writes the instrument's bytes to the other.
 */
final class VirtualSerialPair implements AutoCloseable {

    private final Path agentEnd;
    private final Path instrumentEnd;
    private Process socat;

    VirtualSerialPair(Path agentEnd, Path instrumentEnd) {
        this.agentEnd = agentEnd;
        this.instrumentEnd = instrumentEnd;
    }

    Path agentEnd() {
        return agentEnd;
    }

    Path instrumentEnd() {
        return instrumentEnd;
    }

    void start() throws IOException, InterruptedException {
        try {
            socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + agentEnd,
                    "pty,raw,echo=0,link=" + instrumentEnd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(agentEnd.resolveSibling("socat.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new AssertionError("socat is needed for virtual serial ports: apt-get install socat (scripts/test.sh installs it)", e);
        }
        Await.until(Duration.ofSeconds(10), () -> Files.exists(agentEnd) && Files.exists(instrumentEnd),
                () -> "socat made no pty pair at " + agentEnd);
    }

    /** socat ends when the agent's end is closed (the agent was killed): a new pair under the same names. */
    void restartIfGone() throws IOException, InterruptedException {
        if (socat == null || !socat.isAlive()) {
            Files.deleteIfExists(agentEnd);
            Files.deleteIfExists(instrumentEnd);
            start();
        }
    }

    /** Writes bytes as the instrument would send them. */
    void send(byte[] bytes) throws IOException {
        try (OutputStream out = new FileOutputStream(instrumentEnd.toFile())) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            socat.waitFor();
        }
    }
}
