package cn.sh.healthcloud.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * The JDK closes the log handlers in a shutdown hook of its own, which runs alongside the agent's:
 * what the agent logged while stopping on SIGTERM ("Stopping", "Stopped", a failed disconnect) was
 * mostly lost, from the journal too. {@link DeviceAgent} names this manager before logging starts;
 * once the agent's own hook is registered, the JDK's reset at shutdown waits until the agent has
 * stopped (at most 60 s, systemd's TimeoutStopSec).
 */
public final class AgentLogManager extends LogManager {

    private static final String JDK_SHUTDOWN_HOOK = "java.util.logging.LogManager$Cleaner";
    private static volatile CountDownLatch stopping;

    @Override
    public void reset() {
        CountDownLatch latch = stopping;
        if (latch != null && Thread.currentThread().getClass().getName().equals(JDK_SHUTDOWN_HOOK)) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.reset();
    }

    /** The agent's shutdown hook is about to be registered: logging stays open until {@link #agentStopped()}. */
    static void holdUntilAgentStopped() {
        stopping = new CountDownLatch(1);
    }

    static void agentStopped() {
        CountDownLatch latch = stopping;
        if (latch != null) {
            latch.countDown();
        }
    }
}
