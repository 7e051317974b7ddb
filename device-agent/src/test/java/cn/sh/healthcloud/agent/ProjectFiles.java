package cn.sh.healthcloud.agent;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's scripts and the packaged agent. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("scripts/broker.sh"))) {
                return dir;
            }
        }
        throw new AssertionError("scripts/broker.sh not found above " + Path.of("").toAbsolutePath());
    }

    /** The runnable jar failsafe names in the system property agent.jar (built by package). */
    static Path agentJar() {
        String jar = System.getProperty("agent.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new AssertionError("the packaged agent jar (system property agent.jar = " + jar
                    + ") is missing: run the integration tests with mvn verify");
        }
        return Path.of(jar);
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
