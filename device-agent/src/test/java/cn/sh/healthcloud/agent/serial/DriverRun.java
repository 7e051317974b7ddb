package cn.sh.healthcloud.agent.serial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A driver running on its own thread, as the agent runs it, with the events it reports. */
final class DriverRun implements AutoCloseable {

    private final BlockingQueue<InstrumentEvent> events = new LinkedBlockingQueue<>();
    private final Thread thread;

    DriverRun(Instrument instrument, SerialLink link) {
        thread = Thread.ofPlatform().name("driver under test").start(() -> {
            try {
                instrument.run(link, events::add);
            } catch (InterruptedException e) {
                // stopped by the test
            }
        });
    }

    InstrumentEvent next(Duration within) throws InterruptedException {
        InstrumentEvent event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no event within " + within);
        return event;
    }

    void assertNoMoreWithin(Duration quiet) throws InterruptedException {
        assertNull(events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS), "unexpected event");
    }

    /** Interrupts the driver and checks that it stops promptly. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(1000);
        assertFalse(thread.isAlive(), "driver did not stop within a second of the interrupt");
    }
}
