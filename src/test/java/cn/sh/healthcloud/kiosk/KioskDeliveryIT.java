package cn.sh.healthcloud.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sh.healthcloud.kiosk.load.KioskLoad;
import cn.sh.healthcloud.processes.ServiceProcesses;
import cn.sh.healthcloud.processes.ServiceProcesses.Database;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At least once, end to end, through faults: kiosks publish with QoS 1 while the packaged service
 * is killed (kill -9) and started again, and separately while the broker restarts. Every reading
 * the broker acknowledged must then be stored exactly once, and every session assessed. Runs the
 * service jar and a broker of its own (port 18832, the project's configuration), never the shared ones.
 */
class KioskDeliveryIT {

    private static final int BROKER = 18832;
    private static final int HTTP = 18094;
    private static final Database DB = new Database("healthcloud_fault");

    private Process service;
    private Process second;

    @BeforeEach
    void freshBroker() throws Exception {
        ServiceProcesses.run("bash", "scripts/broker.sh", "stop", String.valueOf(BROKER));
        ServiceProcesses.deleteRecursively(Path.of(System.getProperty("user.home"), ".cache/healthcloud/mosquitto-" + BROKER).toFile());
        ServiceProcesses.run("bash", "scripts/broker.sh", "start", String.valueOf(BROKER));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Process process : new Process[] { service, second }) {
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
        ServiceProcesses.run("bash", "scripts/broker.sh", "stop", String.valueOf(BROKER));
    }

    /** The deployed path: a shared subscription, the service killed with kill -9 and started again. */
    @Test
    void throughAServiceCrashEveryAcceptedReadingIsStoredExactlyOnce() throws Exception {
        deliverThrough(true, () -> {
            service.destroyForcibly().waitFor();        // batches in flight are never committed, never acknowledged
            Thread.sleep(2_000);                         // kiosks keep publishing; the broker queues for the session
            service = startService(false, true);
        });
    }

    /**
     * A broker restart (persistence on, graceful stop). With a plain subscription: Mosquitto 2.0.11
     * drops messages published to a shared subscription between its restart and the subscriber's
     * reconnect (README, "Kiosk ingestion"), so a single replica on Mosquitto subscribes plainly.
     */
    @Test
    void throughABrokerRestartEveryAcceptedReadingIsStoredExactlyOnce() throws Exception {
        deliverThrough(false, () -> ServiceProcesses.run("bash", "scripts/broker.sh", "restart", String.valueOf(BROKER)));
    }

    /**
     * Scaling down: a replica stopped gracefully (SIGTERM, as Kubernetes stops a pod) with
     * leave-group-on-stop ends its session. Mosquitto 2.0.11 would otherwise keep giving that session a
     * share of the stream (README), and what is published afterwards would partly wait for a client
     * id that never comes back; here the remaining replica must store all of it.
     */
    @Test
    void aReplicaThatLeavesTheShareGroupOnStopStrandsNothing() throws Exception {
        service = startService(true, true, HTTP, "healthcloud-fault-ingest-a", true);
        second = startService(false, true, HTTP + 1, "healthcloud-fault-ingest-b", true);
        List<String> kiosks = DB.kiosks(5);

        try (KioskLoad load = new KioskLoad("localhost", BROKER, kiosks, 2, 100)) {
            load.start(300);
            await().atMost(Duration.ofSeconds(30)).until(() -> ServiceProcesses.readingsStoredBy(HTTP + 1) > 0);   // both take their share
            second.destroy();
            assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the second replica stopped").isTrue();
            int acceptedAtStop = load.accepted.size();
            Thread.sleep(5_000);
            load.stop();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> load.unacknowledged() == 0);

            List<UUID> accepted = new ArrayList<>(load.accepted.keySet());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    DB.count("select count(*) from kiosk_reading where reading_id = any(?)", accepted) == accepted.size());
            System.out.printf("scale-down: %d readings accepted, %d of them after the second replica stopped; all stored%n",
                    accepted.size(), accepted.size() - acceptedAtStop);
            assertThat(accepted.size() - acceptedAtStop).as("readings published after the stop").isGreaterThan(1_000);
        }
    }

    interface Fault {
        void happen() throws Exception;
    }

    private void deliverThrough(boolean shared, Fault fault) throws Exception {
        service = startService(true, shared);
        List<String> kiosks = DB.kiosks(5);

        try (KioskLoad load = new KioskLoad("localhost", BROKER, kiosks, 2, 100)) {
            load.start(300);
            Thread.sleep(4_000);
            fault.happen();
            Thread.sleep(4_000);
            load.stop();
            // Until the kiosks' clients have nothing more coming back: every resend done or given up.
            long[] last = { -1 };
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                long now = load.unacknowledged();
                boolean settled = now == 0 || now == last[0];
                last[0] = now;
                return settled;
            });

            List<UUID> accepted = new ArrayList<>(load.accepted.keySet());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    DB.count("select count(*) from kiosk_reading where reading_id = any(?)", accepted) == accepted.size());
            long stored = DB.count("select count(*) from kiosk_reading where reading_id = any(?)", accepted);
            System.out.printf("fault test (%s subscription): %d readings published, %d acknowledged by the broker,"
                    + " %d publishes never acknowledged, %d stored; lost = acknowledged - stored = %d%n",
                    shared ? "shared" : "plain", load.sentReadings.size(), accepted.size(), load.unacknowledged(), stored,
                    accepted.size() - stored);

            assertThat(accepted.size()).as("readings acknowledged").isGreaterThan(2_000);
            assertThat(load.unacknowledged()).as("publishes never acknowledged").isZero();
            assertThat(stored).as("lost = acknowledged - stored").isEqualTo(accepted.size());
            assertThat(DB.count("select count(*) from (select reading_id from observation where reading_id = any(?)"
                    + " group by reading_id, type having count(*) > 1) twice", accepted)).as("observations stored twice").isZero();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> DB.count("select count(*) from kiosk_session where assessed_at is null") == 0);
            assertThat(DB.count("select count(*) from (select session_id from report group by session_id having count(*) > 1) r"))
                    .as("sessions reported twice").isZero();
        }
    }

    private Process startService(boolean freshDatabase, boolean shared) throws Exception {
        return startService(freshDatabase, shared, HTTP, "healthcloud-fault-ingest", false);
    }

    private Process startService(boolean freshDatabase, boolean shared, int http, String clientId, boolean leaveGroupOnStop)
            throws Exception {
        List<String> command = ServiceProcesses.command(List.of("-Dquarkus.profile=dev",
                "-Dquarkus.http.port=" + http, "-Dhealthcloud.db.name=" + DB.name(), "-Dhealthcloud.redis.database=4", "-Dhealthcloud.mqtt.port=" + BROKER,
                "-Dhealthcloud.kiosk.client-id=" + clientId, "-Dhealthcloud.kiosk.sweep-interval=1s",
                "-Dhealthcloud.kiosk.shared-subscription=" + shared,
                "-Dhealthcloud.kiosk.leave-group-on-stop=" + leaveGroupOnStop,
                "-Dhealthcloud.account.demo-seed=false", "-Dquarkus.oidc.tenant-enabled=false",
                "-Dquarkus.flyway.clean-disabled=false", "-Dquarkus.flyway.clean-at-start=" + freshDatabase));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/fault-service.log"))).start();
        ServiceProcesses.awaitReady(process, http, "target/fault-service.log");
        return process;
    }
}
