package cn.sh.healthcloud.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged agent jar run as a kiosk runs it, with a small heap (or with the command line and
 * environment of its systemd unit); killed with SIGKILL or stopped with SIGTERM.
 */
final class AgentProcess implements AutoCloseable {

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    AgentProcess(Path config) {
        this(List.of(ProjectFiles.java(), "-Xmx32m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-jar", ProjectFiles.agentJar().toString(), "--config", config.toString()), null,
                config.resolveSibling("agent.log"));
    }

    /**
     * Any command line that runs the agent, its output appended to log; with exactly the given
     * environment variables (as systemd starts a service), or the tests' own when null.
     */
    AgentProcess(List<String> command, Map<String, String> environment, Path log) {
        this.command = List.copyOf(command);
        this.environment = environment == null ? null : Map.copyOf(environment);
        this.log = log;
    }

    Path log() {
        return log;
    }

    AgentProcess start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        process = builder.start();
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
