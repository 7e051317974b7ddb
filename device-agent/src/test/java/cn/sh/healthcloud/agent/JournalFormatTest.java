package cn.sh.healthcloud.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JournalFormatTest {

    private final JournalFormat format = new JournalFormat();

    @Test
    void eachLevelGetsItsSyslogPriorityAndNoTimestamp() {
        assertEquals("<3>[cn.sh.healthcloud.agent.outbox.Outbox] OUTBOX FULL\n", line(Level.SEVERE, "OUTBOX FULL"));
        assertEquals("<4>[cn.sh.healthcloud.agent.outbox.Outbox] slow\n", line(Level.WARNING, "slow"));
        assertEquals("<6>[cn.sh.healthcloud.agent.outbox.Outbox] Stopped\n", line(Level.INFO, "Stopped"));
        assertEquals("<7>[cn.sh.healthcloud.agent.outbox.Outbox] detail\n", line(Level.FINE, "detail"));
    }

    @Test
    void everyLineOfAStackTraceKeepsThePriority() {
        LogRecord record = new LogRecord(Level.SEVERE, "The agent cannot start");
        record.setLoggerName("cn.sh.healthcloud.agent.DeviceAgent");
        record.setThrown(new IllegalStateException("no outbox"));
        String text = format.format(record);
        assertTrue(text.startsWith("<3>[cn.sh.healthcloud.agent.DeviceAgent] The agent cannot start\n"
                + "<3>java.lang.IllegalStateException: no outbox\n<3>\tat "), text);
        assertTrue(text.lines().allMatch(line -> line.startsWith("<3>")), text);
        assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), text);
    }

    private String line(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("cn.sh.healthcloud.agent.outbox.Outbox");
        return format.format(record);
    }
}
