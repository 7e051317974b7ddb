package cn.sh.healthcloud.agent;

import cn.sh.healthcloud.agent.config.AgentConfig;
import cn.sh.healthcloud.agent.config.AgentConfigReader;
import cn.sh.healthcloud.agent.config.ConfigException;
import cn.sh.healthcloud.agent.mqtt.BrokerLink;
import cn.sh.healthcloud.agent.mqtt.OutboxPublisher;
import cn.sh.healthcloud.agent.outbox.Outbox;
import cn.sh.healthcloud.agent.outbox.PayloadSeal;
import cn.sh.healthcloud.agent.report.ReceiptPrinter;
import cn.sh.healthcloud.agent.serial.Instrument;
import cn.sh.healthcloud.agent.serial.Instruments;
import cn.sh.healthcloud.agent.serial.SerialPortLink;
import cn.sh.healthcloud.agent.session.KioskMessages;
import cn.sh.healthcloud.agent.session.SessionTracker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The kiosk device agent: {@code java -jar device-agent.jar --config agent.json}.
 *
 * <pre>
 * instruments (one thread each) ─► SessionTracker ─► Outbox (SQLite, fsync'd) ─► OutboxPublisher ─► broker
 *                                                    deleted on PUBACK ◄──────────────┘
 * broker ─► .../reports ─► ReceiptPrinter ─► printer device or file
 * </pre>
 * SIGTERM (or Ctrl-C) stops it cleanly: instruments stop, the open session is closed, the broker
 * is told {@code offline}, the outbox commits what is queued. Anything else (kill -9, power loss)
 * is what the outbox is for. {@code -Dhealthcloud.agent.log=journal} writes log lines for systemd's
 * journal ({@link JournalFormat}).
 */
public final class DeviceAgent implements AutoCloseable {

    static {
        // Before the first logger: keeps the log open while the agent stops (AgentLogManager).
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", AgentLogManager.class.getName());
        }
    }

    private static final Logger LOG = Logger.getLogger(DeviceAgent.class.getName());

    private final Outbox outbox;
    private final BrokerLink link;
    private final OutboxPublisher publisher;
    private final SessionTracker sessions;
    private final ScheduledExecutorService idleSweep = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("session-idle").daemon().factory());
    private final List<Thread> instrumentThreads = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private DeviceAgent(Outbox outbox, BrokerLink link, OutboxPublisher publisher, SessionTracker sessions) {
        this.outbox = outbox;
        this.link = link;
        this.publisher = publisher;
        this.sessions = sessions;
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        }
        if ("journal".equals(System.getProperty("healthcloud.agent.log"))) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JournalFormat());
            }
        }
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: java -jar device-agent.jar --config agent.json");
            System.exit(2);
        }
        AgentConfig config;
        List<Instrument> instruments;
        try {
            config = AgentConfigReader.read(Path.of(args[1]));
            instruments = drivers(config);
        } catch (ConfigException e) {
            System.err.println("The configuration cannot be used: " + e.getMessage());
            System.exit(2);
            return;
        }
        DeviceAgent agent;
        try {
            agent = start(config, instruments, Clock.system(KioskMessages.SHANGHAI), SerialPortLink::open);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "The agent cannot start", e);
            System.exit(1);
            return;
        }
        AgentLogManager.holdUntilAgentStopped();
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "shutdown"));
        agent.awaitStop();
    }

    /** Each configured instrument's driver, built now so a wrong name or option stops the start. */
    static List<Instrument> drivers(AgentConfig config) throws ConfigException {
        List<Instrument> instruments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.instruments().size(); i++) {
            AgentConfig.InstrumentPort port = config.instruments().get(i);
            try {
                instruments.add(Instruments.create(port.driver(), port.options()));
            } catch (IllegalArgumentException e) {
                problems.add("instruments[" + i + "]: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("instruments", problems);
        }
        return instruments;
    }

    static DeviceAgent start(AgentConfig config, List<Instrument> instruments, Clock clock,
            InstrumentLoop.PortOpener ports) throws Exception {
        LOG.info(() -> "Kiosk " + config.kioskId() + " at station " + config.stationId() + ", broker " + config.broker().url()
                + ", " + config.instruments().size() + " instrument(s)");
        Outbox outbox = Outbox.open(config.outbox().directory(), config.outbox().maxBytes(),
                PayloadSeal.fromKeyFile(config.outbox().keyFile()));
        ReceiptPrinter printer = new ReceiptPrinter(config.printer(), config.stationName().orElse(config.stationId()),
                config.kioskId());
        SessionTracker sessions = new SessionTracker(new KioskMessages(config.kioskId(), config.stationId()), outbox,
                config.sessionIdleTimeout(), clock, printer);
        BrokerLink link = new BrokerLink(config.broker(), config.kioskId(), config.stationId(), clock);
        link.onReport(printer::print);
        OutboxPublisher publisher = new OutboxPublisher(outbox, link, config.broker().maxInflight());
        DeviceAgent agent = new DeviceAgent(outbox, link, publisher, sessions);
        publisher.start();
        link.start();
        agent.idleSweep.scheduleWithFixedDelay(sessions::closeIdle, 1, 1, TimeUnit.SECONDS);
        for (int i = 0; i < instruments.size(); i++) {
            AgentConfig.InstrumentPort port = config.instruments().get(i);
            Thread thread = Thread.ofPlatform().name("instrument-" + port.label())
                    .start(new InstrumentLoop(port, instruments.get(i), ports, sessions));
            agent.instrumentThreads.add(thread);
        }
        return agent;
    }

    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("Stopping");
        instrumentThreads.forEach(Thread::interrupt);
        for (Thread thread : instrumentThreads) {
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        idleSweep.shutdownNow();
        sessions.closeOpenSession();
        publisher.drain(Duration.ofSeconds(5));
        publisher.close();
        link.close();
        try {
            outbox.close();
        } catch (Exception e) {
            LOG.warning("Closing the outbox: " + e.getMessage());
        }
        LOG.info("Stopped");
        stopped.countDown();
        AgentLogManager.agentStopped();
    }
}
