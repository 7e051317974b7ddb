package cn.sh.healthcloud.agent;

import cn.sh.healthcloud.agent.config.AgentConfig.InstrumentPort;
import cn.sh.healthcloud.agent.serial.Instrument;
import cn.sh.healthcloud.agent.serial.InstrumentEvent;
import cn.sh.healthcloud.agent.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One instrument's thread: opens its serial port, runs its driver, and when the port fails or
 * disappears (a USB-serial adapter unplugged), opens it again after a pause that doubles up to
 * 30 s, so a missing instrument costs a log line every half minute, not a busy loop.
 */
final class InstrumentLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(InstrumentLoop.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** Opens a serial port with line settings: {@code SerialPortLink::open} on a kiosk. */
    @FunctionalInterface
    interface PortOpener {
        SerialLink open(String port, Instrument.LineSettings settings) throws IOException;
    }

    private final InstrumentPort port;
    private final Instrument instrument;
    private final PortOpener opener;
    private final Consumer<InstrumentEvent> events;

    InstrumentLoop(InstrumentPort port, Instrument instrument, PortOpener opener, Consumer<InstrumentEvent> events) {
        this.port = port;
        this.instrument = instrument;
        this.opener = opener;
        this.events = events;
    }

    @Override
    public void run() {
        Instrument.LineSettings settings = port.lineSettings(instrument.lineSettings());
        Duration pause = FIRST_PAUSE;
        while (!Thread.currentThread().isInterrupted()) {
            long opened = System.nanoTime();
            try (SerialLink link = opener.open(port.port(), settings)) {
                LOG.info(() -> port.label() + " open (" + settings.baud() + " baud, " + settings.dataBits() + "/"
                        + settings.parity() + "/" + settings.stopBits() + ")");
                instrument.run(link, events);
                LOG.warning(port.label() + ": driver stopped; reopening the port");
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warning(port.label() + ": " + e.getMessage() + "; trying again in " + pause.toSeconds() + " s");
            }
            if (Duration.ofNanos(System.nanoTime() - opened).compareTo(LONGEST_PAUSE) > 0) {
                pause = FIRST_PAUSE;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
