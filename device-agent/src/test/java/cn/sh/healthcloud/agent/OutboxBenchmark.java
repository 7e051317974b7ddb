package cn.sh.healthcloud.agent;

import cn.sh.healthcloud.agent.config.AgentConfig;
import cn.sh.healthcloud.agent.mqtt.BrokerLink;
import cn.sh.healthcloud.agent.mqtt.OutboxPublisher;
import cn.sh.healthcloud.agent.outbox.Outbox;
import cn.sh.healthcloud.agent.outbox.PayloadSeal;
import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import cn.sh.healthcloud.agent.session.KioskMessages;
import cn.sh.healthcloud.agent.session.SessionListener;
import cn.sh.healthcloud.agent.session.SessionTracker;
import cn.sh.healthcloud.agent.session.Subject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's delivery path alone, in a JVM sized like a kiosk's (bench/agent-outbox.sh runs it
 * with -Xmx32m): instrument threads offer measurements to the real SessionTracker, which writes
 * them to the real fsync'd Outbox; the real OutboxPublisher sends them to a Mosquitto of its own
 * and deletes each on PUBACK. Measurements are cardless, so each reading also writes its session's
 * close: two messages per reading, the outbox's worst case.
 *
 * <p>Arguments: broker port, readings for the throughput run, readings of the backlog.
 */
public final class OutboxBenchmark {

    private static final int INSTRUMENTS = 4;
    private static final String KIOSK = "K-BENCH";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int readings = Integer.parseInt(args[1]);
        int backlog = Integer.parseInt(args[2]);
        Path work = Files.createTempDirectory("agent-outbox-bench");
        LocalBroker broker = new LocalBroker(port, Path.of(System.getenv().getOrDefault("HEALTHCLOUD_CACHE", "target/bench-broker")));
        Clock clock = Clock.system(KioskMessages.SHANGHAI);

        Outbox outbox = Outbox.open(work.resolve("outbox"), 4L * 1024 * 1024 * 1024, PayloadSeal.fromKeyFile(work.resolve("key")));
        AgentConfig.Broker config = new AgentConfig.Broker("tcp://127.0.0.1:" + port, "healthcloud-agent-bench",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 500);
        BrokerLink link = new BrokerLink(config, KIOSK, "310110-0123", clock);
        AtomicReference<CountDownLatch> connected = new AtomicReference<>(new CountDownLatch(1));
        link.onConnected(() -> connected.get().countDown());
        OutboxPublisher publisher = new OutboxPublisher(outbox, link, config.maxInflight());
        SessionTracker sessions = new SessionTracker(new KioskMessages(KIOSK, "310110-0123"), outbox, Duration.ofMinutes(3),
                clock, new SessionListener() {
                    @Override
                    public void closed(UUID sessionId, Subject subject) {
                    }

                    @Override
                    public void refused(String reasonZh) {
                        throw new IllegalStateException("refused: " + reasonZh);
                    }
                });
        publisher.start();
        link.start();
        connected.get().await();

        System.out.printf(Locale.ROOT, "throughput: %,d readings from %d instrument threads, broker up%n", readings, INSTRUMENTS);
        long start = System.nanoTime();
        produce(sessions, readings);
        outbox.flush();
        double durable = seconds(start);
        awaitEmpty(outbox);
        double delivered = seconds(start);
        System.out.printf(Locale.ROOT, "  durable in the outbox: %,.0f readings/s (%,.0f messages/s)%n", readings / durable,
                2 * readings / durable);
        System.out.printf(Locale.ROOT, "  written, published, PUBACKed and deleted: %,.0f readings/s (%.1f s)%n",
                readings / delivered, delivered);

        System.out.printf(Locale.ROOT, "outage: broker stopped, %,d readings taken%n", backlog);
        broker.stop();
        connected.set(new CountDownLatch(1));
        start = System.nanoTime();
        produce(sessions, backlog);
        outbox.flush();
        double written = seconds(start);
        System.out.printf(Locale.ROOT, "  backlog written: %,.0f readings/s; outbox %,d messages, %.1f MB%n", backlog / written,
                outbox.count(), outbox.usedBytes() / 1_048_576.0);
        broker.start();
        connected.get().await();
        start = System.nanoTime();
        awaitEmpty(outbox);
        double drain = seconds(start);
        System.out.printf(Locale.ROOT, "  drained after reconnecting in %.1f s: %,.0f readings/s (%,.0f messages/s)%n", drain,
                backlog / drain, 2 * backlog / drain);

        publisher.close();
        link.close();
        outbox.close();
        System.out.println("  agent JVM max RSS (VmHWM): " + peakRss());
    }

    private static void produce(SessionTracker sessions, int readings) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < INSTRUMENTS; t++) {
            int share = readings / INSTRUMENTS + (t < readings % INSTRUMENTS ? 1 : 0);
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < share; i++) {
                    sessions.accept(new InstrumentEvent.Measured(OffsetDateTime.now(), new InstrumentEvent.Device("VSM", "BpTRU BPM-200", "B-1"),
                            List.of(Map.of("type", "blood-pressure", "systolic", 110 + i % 60, "diastolic", 70 + i % 30,
                                    "pulse", 60 + i % 40, "unit", "mmHg"))));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void awaitEmpty(Outbox outbox) throws InterruptedException {
        while (outbox.count() > 0) {
            Thread.sleep(20);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String peakRss() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring("VmHWM: ".length())).findFirst().orElse("?");
    }
}
