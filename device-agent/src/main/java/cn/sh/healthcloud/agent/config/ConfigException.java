package cn.sh.healthcloud.agent.config;

import java.util.List;

/** A configuration file the agent cannot run with: every problem found, one per line. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(String file, List<String> problems) {
        super(file + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
