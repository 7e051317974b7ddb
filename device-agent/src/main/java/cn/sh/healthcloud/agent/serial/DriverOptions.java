package cn.sh.healthcloud.agent.serial;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code key=value} options of one driver or simulator from the configuration file. A key the
 * driver does not know is a configuration mistake, reported at once rather than silently ignored.
 */
public final class DriverOptions {

    private final String owner;
    private final Map<String, String> values;

    public DriverOptions(String owner, Map<String, String> values, Set<String> known) {
        this.owner = owner;
        this.values = Map.copyOf(values);
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(owner + " does not know option(s) " + unknown + "; it takes " + new TreeSet<>(known));
        }
    }

    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public String oneOf(String key, String fallback, Set<String> allowed) {
        String value = text(key, fallback);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(owner + " option " + key + " must be one of " + new TreeSet<>(allowed) + ", not " + value);
        }
        return value;
    }

    /** A positive whole number. */
    public int positive(String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(owner + " option " + key + " must be a positive whole number, not " + value);
    }

    /** A whole number, zero allowed. */
    public int nonNegative(String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return "0".equals(value.trim()) ? 0 : positive(key, fallback);
    }
}
