package cn.sh.healthcloud.agent.report;

import cn.sh.healthcloud.agent.config.AgentConfig;
import cn.sh.healthcloud.agent.session.SessionListener;
import cn.sh.healthcloud.agent.session.Subject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Prints the reports the service sends back (QoS 1, so possibly more than once: a session's report
 * is printed once, remembered by sessionId), and the notices a resident must see. Each receipt is
 * appended in one write to the printer device or file, in the printer's character set.
 */
public final class ReceiptPrinter implements SessionListener {

    private static final Logger LOG = Logger.getLogger(ReceiptPrinter.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REMEMBERED_SESSIONS = 1_000;
    private static final int REMEMBERED_NAMES = 100;
    private static final int ATTEMPTS = 3;
    /** Blank lines that carry the last printed line past the tear-off edge. */
    private static final String FEED = "\n\n\n\n";

    private final AgentConfig.Printer printer;
    private final String station;
    private final String kioskId;
    private final Map<String, Boolean> printed = bounded(REMEMBERED_SESSIONS);
    private final Map<String, String> names = bounded(REMEMBERED_NAMES);

    public ReceiptPrinter(AgentConfig.Printer printer, String station, String kioskId) {
        this.printer = printer;
        this.station = station;
        this.kioskId = kioskId;
    }

    /** Prints one report payload, unless its session's report was printed already. */
    public void print(byte[] payload) {
        JsonNode report;
        try {
            report = JSON.readTree(payload);
        } catch (IOException e) {
            LOG.warning("A report that is not JSON was skipped (" + payload.length + " bytes)");
            return;
        }
        String sessionId = report.path("sessionId").asText("");
        String name;
        synchronized (this) {
            if (sessionId.isEmpty() || printed.containsKey(sessionId)) {
                LOG.info(() -> "Report of session " + sessionId + " already printed (or has no session): skipped");
                return;
            }
            name = names.remove(sessionId);
        }
        List<String> lines = ReportReceipt.lines(report, new ReportReceipt.Context(station, kioskId, name),
                printer.columns());
        if (write(lines)) {
            synchronized (this) {
                printed.put(sessionId, true);
            }
            LOG.info(() -> "Printed the report of session " + sessionId + " (" + report.path("level").asText() + ")");
        }
    }

    @Override
    public synchronized void closed(UUID sessionId, Subject subject) {
        if (subject.name() != null && !subject.name().isBlank()) {
            names.put(sessionId.toString(), subject.name());
        }
    }

    @Override
    public void refused(String reasonZh) {
        String rule = "=".repeat(printer.columns());
        List<String> lines = new ArrayList<>(List.of(rule, "上海健康云  提示"));
        lines.addAll(DisplayWidth.wrap("", reasonZh, printer.columns()));
        lines.add(rule);
        write(lines);
    }

    private boolean write(List<String> lines) {
        byte[] receipt = (String.join("\n", lines) + FEED).getBytes(printer.charset());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Files.write(printer.output(), receipt, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                return true;
            } catch (IOException e) {
                LOG.warning("Printer " + printer.output() + " not ready (attempt " + attempt + " of " + ATTEMPTS + "): "
                        + e.getMessage());
                if (!sleep(2_000)) {
                    break;
                }
            }
        }
        LOG.severe("A receipt could not be printed on " + printer.output());
        return false;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
