package cn.sh.healthcloud.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tests that run the packaged service as processes (fault and scale-out tests) share:
 * waiting for a replica, its figures, their database, and the scripts they call.
 */
public final class ServiceProcesses {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceProcesses() {
    }

    /**
     * The command that starts the packaged service with these settings ({@code -Dkey=value}): the
     * native executable when the build made one (failsafe's {@code native.image.path}, as for the
     * {@code @QuarkusIntegrationTest} classes), else the jar on this JVM with a small heap.
     */
    public static List<String> command(List<String> settings) {
        String nativeImage = System.getProperty("native.image.path");
        List<String> command = new ArrayList<>();
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            command.add(nativeImage);
            command.addAll(settings);
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms128m", "-Xmx256m", "-XX:+UseSerialGC"));
            command.addAll(settings);
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        }
        return command;
    }

    /** Until the service on this port is ready; fails at once if its process ends (see its log). */
    public static void awaitReady(Process process, int port, String log) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the service on port %d runs (see %s)", port, log).isTrue();
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Readings the service on this port stored (its healthcloud_kiosk_readings_stored_total). */
    public static long readingsStoredBy(int port) throws IOException, InterruptedException {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("healthcloud_kiosk_readings_stored_total"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Runs a command (a project script) to its end; it must succeed. */
    public static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }

    public static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }

    /** One local PostgreSQL database of the tests, as the role healthcloud. */
    public record Database(String name) {

        /** The first {@code count} seeded kiosks. */
        public List<String> kiosks(int count) throws SQLException {
            try (Connection db = connect(); PreparedStatement st = db.prepareStatement("select id from kiosk order by id limit ?")) {
                st.setInt(1, count);
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = st.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                assertThat(ids).as("seeded kiosks").hasSize(count);
                return ids;
            }
        }

        /** The first column of the first row; a {@link List} parameter is bound as a uuid array. */
        public long count(String sql, Object... params) throws SQLException {
            try (Connection db = connect(); PreparedStatement st = db.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof List<?> list) {
                        st.setArray(i + 1, db.createArrayOf("uuid", list.toArray()));
                    } else {
                        st.setObject(i + 1, params[i]);
                    }
                }
                try (ResultSet rows = st.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + name, "healthcloud", "healthcloud");
        }
    }
}
