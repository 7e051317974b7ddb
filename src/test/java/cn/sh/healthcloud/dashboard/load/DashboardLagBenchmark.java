package cn.sh.healthcloud.dashboard.load;

import cn.sh.healthcloud.kiosk.load.KioskLoad;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lag from a committed kiosk reading to the district figure that counts it, as a dashboard
 * sees it (run by bench/dashboard.sh against a running service): kiosks of one district publish
 * readings at a set rate while a client follows the district's Server-Sent Events stream. Each
 * reading's lag is the time from its commit (the database's time of its row) to the first event
 * whose "readings today" includes it.
 *
 * <pre>args: brokerPort jdbcUrl streamUrl bearerToken district seconds readingsPerSecond</pre>
 */
public final class DashboardLagBenchmark {

    /** A "figures" event: when it arrived and the readings-today figure it carried. */
    private record Event(long at, long built, long readings) {
    }

    public static void main(String[] args) throws Exception {
        int broker = Integer.parseInt(args[0]);
        String jdbc = args[1];
        String stream = args[2];
        String token = args[3];
        String district = args[4];
        int seconds = Integer.parseInt(args[5]);
        int rate = Integer.parseInt(args[6]);

        List<String> kiosks = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "healthcloud", "healthcloud");
                PreparedStatement query = db.prepareStatement(
                        "select id from kiosk where retired_at is null and left(station_id, 6) = ? order by id")) {
            query.setString(1, district);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    kiosks.add(rows.getString(1));
                }
            }
        }
        long startedAt = System.currentTimeMillis();
        List<Event> events = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response
                .body().filter(line -> line.startsWith("data:")).forEach(line -> {
                    long arrived = System.currentTimeMillis();
                    JsonObject figures = new JsonObject(line.substring(5).strip());
                    events.add(new Event(arrived, java.time.OffsetDateTime.parse(figures.getString("asOf")).toInstant()
                            .toEpochMilli(), figures.getJsonObject("windows").getJsonObject("today").getLong("readings")));
                }));
        while (events.isEmpty()) {
            Thread.sleep(50);
        }
        long before = events.get(0).readings();

        System.out.printf("%d kiosks of district %s publish %d readings/s for %d s (sessions of 3 readings and a close)%n",
                kiosks.size(), district, rate, seconds);
        try (KioskLoad load = new KioskLoad("localhost", broker, kiosks, 4, 1000)) {
            load.start(rate);
            Thread.sleep(seconds * 1000L);
            load.stop();
            long deadline = System.currentTimeMillis() + 60_000;
            while (load.unacknowledged() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            List<Long> committed = committedSince(jdbc, district, startedAt);
            long expected = before + committed.size();
            deadline = System.currentTimeMillis() + 60_000;
            while (events.get(events.size() - 1).readings() < expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            List<Long> lags = new ArrayList<>();
            List<Long> toBuilt = new ArrayList<>();
            int e = 0;
            for (int k = 0; k < committed.size(); k++) {
                while (e < events.size() && events.get(e).readings() - before < k + 1) {
                    e++;
                }
                if (e == events.size()) {
                    break;
                }
                lags.add(Math.max(0, events.get(e).at() - committed.get(k)));
                toBuilt.add(Math.max(0, events.get(e).built() - committed.get(k)));
            }
            lags.sort(null);
            toBuilt.sort(null);
            Event last = events.get(events.size() - 1);
            System.out.printf("  committed %d readings (%.0f/s); %d figure events on the stream%n", committed.size(),
                    committed.size() * 1000.0 / Math.max(1, committed.get(committed.size() - 1) - committed.get(0)),
                    events.size());
            System.out.printf("  lag commit -> figure: p50 %d ms, p99 %d ms, max %d ms (%d of %d readings seen)%n",
                    percentile(lags, 50), percentile(lags, 99), lags.isEmpty() ? 0 : lags.get(lags.size() - 1), lags.size(),
                    committed.size());
            System.out.printf("  of which commit -> document built: p50 %d ms, p99 %d ms%n", percentile(toBuilt, 50),
                    percentile(toBuilt, 99));
            System.out.printf("  final figure %d, database %d: %s%n", last.readings(), expected,
                    last.readings() == expected ? "equal" : "DIFFERENT");
        }
        System.exit(0);
    }

    /** The commit stamps (epoch ms) of the district's readings stored since the start, in order. */
    private static List<Long> committedSince(String jdbc, String district, long since) throws Exception {
        List<Long> stamps = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "healthcloud", "healthcloud");
                PreparedStatement query = db.prepareStatement("""
                        select (extract(epoch from received_at) * 1000)::bigint from kiosk_reading
                        where left(station_id, 6) = ? and received_at >= to_timestamp(? / 1000.0) order by received_at""")) {
            query.setString(1, district);
            query.setLong(2, since);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stamps.add(rows.getLong(1));
                }
            }
        }
        return stamps;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
