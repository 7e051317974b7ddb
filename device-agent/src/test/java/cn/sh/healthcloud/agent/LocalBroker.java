package cn.sh.healthcloud.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the tests' own on {@code port}, run by the project's scripts/broker.sh (the
 * no-drop configuration of dev/mosquitto), with its state under target/. Never the shared broker.
 */
final class LocalBroker {

    private final int port;
    private final Path state;

    LocalBroker(int port) {
        this(port, Path.of("target", "it-broker").toAbsolutePath());
    }

    LocalBroker(int port, Path state) {
        this.port = port;
        this.state = state;
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        run("start");
    }

    /** Stops it gracefully: queued messages and persistent sessions are saved, as on a broker restart. */
    void stop() throws IOException, InterruptedException {
        run("stop");
    }

    /** A fresh broker: nothing retained or queued from an earlier run. */
    void reset() throws IOException, InterruptedException {
        stop();
        Path data = state.resolve("mosquitto-" + port);
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(String command) throws IOException, InterruptedException {
        Path script = ProjectFiles.root().resolve("scripts/broker.sh");
        Path log = Files.createDirectories(state).resolve("broker-script.log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command, Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HEALTHCLOUD_CACHE", state.toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("scripts/broker.sh " + command + " " + port + " failed (is mosquitto installed? "
                    + "apt-get install mosquitto mosquitto-clients; scripts/test.sh installs it): see " + log);
        }
    }
}
