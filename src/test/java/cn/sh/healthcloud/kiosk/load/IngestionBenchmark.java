package cn.sh.healthcloud.kiosk.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The kiosk ingestion benchmark (run by bench/kiosk-ingestion.sh against a running service): kiosks
 * publish sessions at increasing rates, each for a while, and for each rate this prints what was
 * published, acknowledged by the broker and stored, the sustained end-to-end rate (published →
 * committed), latency p50/p99 (first publish → the reading's row, stamped by the database) and
 * lost = acknowledged − stored.
 *
 * <pre>args: brokerPort jdbcUrl secondsPerStep rate1 [rate2 ...]</pre>
 */
public final class IngestionBenchmark {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String jdbc = args[1];
        int seconds = Integer.parseInt(args[2]);
        int[] rates = Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray();
        List<String> kiosks = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "healthcloud", "healthcloud");
                ResultSet rows = db.createStatement().executeQuery("select id from kiosk where retired_at is null order by id limit 200")) {
            while (rows.next()) {
                kiosks.add(rows.getString(1));
            }
        }
        System.out.printf("%d kiosks; %d s per rate; sessions of 3 readings and a close, QoS 1%n%n", kiosks.size(), seconds);
        System.out.printf("%10s %10s %10s %10s %12s %9s %9s %6s%n", "offered/s", "published", "acked", "stored",
                "sustained/s", "p50 ms", "p99 ms", "lost");
        for (int rate : rates) {
            try (KioskLoad load = new KioskLoad("localhost", port, kiosks, 4, 1000)) {
                load.start(rate);
                Thread.sleep(seconds * 1000L);
                load.stop();
                long deadline = System.currentTimeMillis() + 120_000;
                while (load.unacknowledged() > 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                Step step = measure(jdbc, load, System.currentTimeMillis() + 180_000);
                System.out.printf("%10d %10d %10d %10d %12.0f %9d %9d %6d%n", rate, load.sentReadings.size(),
                        load.accepted.size(), step.stored, step.sustained, step.p50, step.p99,
                        load.accepted.size() - step.stored);
            }
        }
    }

    private record Step(long stored, double sustained, long p50, long p99) {
    }

    /** Waits (up to the deadline) for every acknowledged reading to be stored, then reads their stamps. */
    private static Step measure(String jdbc, KioskLoad load, long deadline) throws Exception {
        UUID[] ids = load.accepted.keySet().toArray(UUID[]::new);
        try (Connection db = DriverManager.getConnection(jdbc, "healthcloud", "healthcloud");
                PreparedStatement count = db.prepareStatement("select count(*) from kiosk_reading where reading_id = any(?)");
                PreparedStatement stamps = db.prepareStatement(
                        "select reading_id, (extract(epoch from received_at) * 1000)::bigint from kiosk_reading where reading_id = any(?)")) {
            count.setArray(1, db.createArrayOf("uuid", ids));
            long stored;
            do {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    stored = rows.getLong(1);
                }
                if (stored < ids.length) {
                    Thread.sleep(250);
                }
            } while (stored < ids.length && System.currentTimeMillis() < deadline);
            stamps.setArray(1, db.createArrayOf("uuid", ids));
            Map<UUID, Long> committed = new HashMap<>();
            try (ResultSet rows = stamps.executeQuery()) {
                while (rows.next()) {
                    committed.put((UUID) rows.getObject(1), rows.getLong(2));
                }
            }
            long[] latencies = committed.entrySet().stream()
                    .mapToLong(e -> Math.max(0, e.getValue() - load.sentReadings.get(e.getKey()))).sorted().toArray();
            long first = load.sentReadings.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long last = committed.values().stream().mapToLong(Long::longValue).max().orElse(first + 1);
            double sustained = committed.size() * 1000.0 / Math.max(1, last - first);
            return new Step(stored, sustained, percentile(latencies, 50), percentile(latencies, 99));
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
