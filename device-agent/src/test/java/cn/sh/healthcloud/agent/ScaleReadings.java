package cn.sh.healthcloud.agent;

import cn.sh.healthcloud.agent.serial.TanitaFrame;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Readings the integration tests offer a running agent as real Tanita WB-3000 frames (height and
 * weight, with the Tanita checksum) on a scale's virtual serial port, reading i weighing
 * 40.0 + i/10 kg, so a test knows exactly which readings must arrive; and the agent's outbox as
 * seen from outside.
 */
final class ScaleReadings {

    private ScaleReadings() {
    }

    static void offer(VirtualSerialPair scale, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Hm", "170.0");
            fields.put("Wk", weight(i));
            scale.send(TanitaFrame.encode("WB-3000", fields).getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    static String weight(int i) {
        return String.format(Locale.ROOT, "%.1f", 40 + i / 10.0);
    }

    static Set<String> weights(int from, int to) {
        return IntStream.range(from, to).mapToObj(ScaleReadings::weight).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> weightsOf(List<JsonNode> readings) {
        return readings.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.at("/measurements/0/weightKg").asDouble()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> missing(Set<String> expected, Set<String> got) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(got);
        return missing;
    }

    /** Messages the agent holds in its SQLite outbox file (WAL lets us read while it writes); -1 if unreadable. */
    static long outboxRows(Path file) {
        if (!Files.exists(file)) {
            return -1;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from message")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
