package cn.sh.healthcloud.agent.serial;

import java.util.function.Consumer;

/**
 * A driver for one instrument on one serial link. {@link #run} reads (and, for command/response
 * instruments, polls) until the thread is interrupted, reporting each good frame's result to
 * {@code events}; a frame that fails its check is logged without personal data and skipped.
 */
public interface Instrument {

    /** The serial settings the instrument needs (baud, data bits, parity, stop bits). */
    LineSettings lineSettings();

    void run(SerialLink link, Consumer<InstrumentEvent> events) throws InterruptedException;

    /** Serial line parameters. {@code parity} is {@code none}, {@code odd} or {@code even}. */
    record LineSettings(int baud, int dataBits, String parity, int stopBits) {
    }
}
