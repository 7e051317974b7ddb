package cn.sh.healthcloud.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Log lines for systemd's journal ({@code -Dhealthcloud.agent.log=journal}, set by the packaged
 * unit): each line starts with its syslog priority, {@code <3>} for SEVERE, {@code <4>} WARNING,
 * {@code <6>} INFO, {@code <7>} below, which journald takes as the entry's priority (so
 * {@code journalctl -u healthcloud-agent -p warning} shows the problems), and has no time stamp
 * (the journal keeps its own). A stack trace's lines carry the priority of their record.
 */
final class JournalFormat extends Formatter {

    @Override
    public String format(LogRecord record) {
        String prefix = "<" + priority(record.getLevel()) + ">";
        StringBuilder text = new StringBuilder("[").append(record.getLoggerName()).append("] ").append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace.toString().stripTrailing());
        }
        StringBuilder lines = new StringBuilder();
        text.toString().lines().forEach(line -> lines.append(prefix).append(line).append('\n'));
        return lines.toString();
    }

    static int priority(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return 3;
        }
        if (value >= Level.WARNING.intValue()) {
            return 4;
        }
        return value >= Level.INFO.intValue() ? 6 : 7;
    }
}
