package cn.sh.healthcloud.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The packaged agent jar run as a kiosk runs it, with a small heap; killed with SIGKILL or stopped with SIGTERM. */
final class AgentProcess implements AutoCloseable {

    private final Path config;
    private final Path log;
    private Process process;

    AgentProcess(Path config) {
        this.config = config;
        this.log = config.resolveSibling("agent.log");
    }

    Path log() {
        return log;
    }

    AgentProcess start() throws IOException {
        process = new ProcessBuilder(ProjectFiles.java(), "-Xmx32m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-jar", ProjectFiles.agentJar().toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** kill -9: no shutdown hook, no last commit, no offline status. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the agent's clean shutdown. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the agent did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
