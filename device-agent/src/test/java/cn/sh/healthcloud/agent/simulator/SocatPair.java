package cn.sh.healthcloud.agent.simulator;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A linked pair of pseudo-terminals made by {@code socat}, as a kiosk emulated without instruments uses them. */
final class SocatPair implements AutoCloseable {

    final Path agentEnd;
    final Path instrumentEnd;
    private final Process socat;

    SocatPair(Path directory) throws IOException, InterruptedException {
        agentEnd = directory.resolve("agent");
        instrumentEnd = directory.resolve("instrument");
        try {
            socat = new ProcessBuilder("socat", "-d", "-d",
                    "pty,raw,echo=0,link=" + agentEnd, "pty,raw,echo=0,link=" + instrumentEnd)
                    .redirectErrorStream(true).redirectOutput(directory.resolve("socat.log").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("socat is not installed (Debian package socat: apt-get install -y socat); "
                    + "the serial integration tests need it", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(agentEnd) && Files.exists(instrumentEnd))) {
            if (!socat.isAlive()) {
                fail("socat exited with " + socat.exitValue() + ": " + Files.readString(directory.resolve("socat.log")));
            }
            if (System.nanoTime() > deadline) {
                fail("socat made no pty links within 5 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }
}
