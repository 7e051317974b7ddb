package cn.sh.healthcloud.agent.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A resident ID-card reader with a security module ({@link IdCardFrame}): the driver polls find →
 * select → read and reports {@link InstrumentEvent.CardPresented} once per insertion, and
 * {@link InstrumentEvent.CardRemoved} once the card has been missing for {@code removalPolls}
 * polls in a row (one missed poll is often just the card moving in the field).
 *
 * <p>Presence: once a card has been read, "find" no longer reports it (the card stays in its
 * selected state until it leaves the field), so a card already presented counts as still there
 * while "select" succeeds.
 *
 * <p>Privacy: of the 256 bytes of card text only the name and ID number are kept; the rest, the
 * photo and the raw frame are zeroed at once. Nothing of the card is logged.
 *
 * <p>The text and photo lengths in the read reply are taken as big-endian, like the frame length
 * (the integration notes behind devices.md do not say).
 */
public final class IdCardReader implements Instrument {

    public static final String DRIVER = "id-card-reader";
    public static final String ID_TYPE = "resident-id-card";

    private static final Logger LOG = Logger.getLogger(IdCardReader.class.getName());
    private static final int COMMAND_TIMEOUT_MILLIS = 1000;
    /** The read reply is 1,295 bytes: 0.1 s at 115,200 baud, 1.4 s at 9,600. */
    private static final int READ_TIMEOUT_MILLIS = 2500;
    private static final int ATTEMPTS = 2;

    static final int TEXT_OFFSET = 7;
    static final int NAME_BYTES = 30;
    static final int ID_NUMBER_OFFSET = 30 + 2 + 4 + 16 + 70;
    static final int ID_NUMBER_BYTES = 36;

    private final Duration pollInterval;
    private final int removalPolls;

    private String presentedNumber;
    private int misses;

    public IdCardReader(Duration pollInterval, int removalPolls) {
        this.pollInterval = pollInterval;
        this.removalPolls = removalPolls;
    }

    /** 115,200 baud 8N1: the factory setting of common readers (devices.md gives no speed). */
    @Override
    public LineSettings lineSettings() {
        return new LineSettings(115200, 8, "none", 1);
    }

    @Override
    public void run(SerialLink link, Consumer<InstrumentEvent> events) throws InterruptedException {
        LinkReader reader = new LinkReader(link);
        while (true) {
            try {
                poll(reader, events);
            } catch (IOException e) {
                throw new UncheckedIOException("ID-card reader link failed", e);
            }
            Thread.sleep(pollInterval);
        }
    }

    private void poll(LinkReader reader, Consumer<InstrumentEvent> events) throws IOException, InterruptedException {
        int found = IdCardFrame.status(command(reader, IdCardFrame.FIND, COMMAND_TIMEOUT_MILLIS));
        if (found < 0) {
            LOG.fine("ID-card reader not answering");
            return;
        }
        boolean fresh = found == IdCardFrame.CARD_FOUND;
        if (!fresh && presentedNumber == null) {
            return;
        }
        boolean selected = IdCardFrame.status(command(reader, IdCardFrame.SELECT, COMMAND_TIMEOUT_MILLIS)) == IdCardFrame.SUCCESS;
        if (fresh && selected) {
            InstrumentEvent.CardPresented card = read(reader);
            if (card == null) {
                return;
            }
            misses = 0;
            if (!card.idNumber().equals(presentedNumber)) {
                if (presentedNumber != null) {
                    events.accept(new InstrumentEvent.CardRemoved());
                }
                presentedNumber = card.idNumber();
                events.accept(card);
            }
            return;
        }
        if (presentedNumber == null) {
            return;
        }
        if (selected) {
            misses = 0;
        } else if (++misses >= removalPolls) {
            presentedNumber = null;
            misses = 0;
            events.accept(new InstrumentEvent.CardRemoved());
        }
    }

    private InstrumentEvent.CardPresented read(LinkReader reader) throws IOException, InterruptedException {
        byte[] payload = command(reader, IdCardFrame.READ, READ_TIMEOUT_MILLIS);
        try {
            if (IdCardFrame.status(payload) != IdCardFrame.SUCCESS) {
                LOG.info("ID card could not be read; will retry");
                return null;
            }
            return card(payload);
        } finally {
            if (payload != null) {
                Arrays.fill(payload, (byte) 0);
            }
            reader.wipe();
        }
    }

    /** The name and ID number of a successful read reply's payload, or {@code null} if the text is too short. */
    static InstrumentEvent.CardPresented card(byte[] payload) {
        int textLength = payload.length < TEXT_OFFSET ? 0 : (payload[3] & 0xFF) << 8 | payload[4] & 0xFF;
        if (textLength < ID_NUMBER_OFFSET + ID_NUMBER_BYTES || TEXT_OFFSET + textLength > payload.length) {
            LOG.warning("rejected ID-card read reply: its text is shorter than the fixed layout");
            return null;
        }
        String name = ucs2(payload, TEXT_OFFSET, NAME_BYTES);
        String idNumber = ucs2(payload, TEXT_OFFSET + ID_NUMBER_OFFSET, ID_NUMBER_BYTES);
        if (idNumber.isEmpty()) {
            LOG.warning("rejected ID-card read reply: no ID number");
            return null;
        }
        return new InstrumentEvent.CardPresented(ID_TYPE, idNumber, name);
    }

    /** UCS-2 little-endian text, padded with spaces (or NULs) to its field's width. */
    private static String ucs2(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_16LE).replace('\0', ' ').strip();
    }

    /** Sends a command and returns its reply's payload, resending once on silence; {@code null} if none came. */
    private static byte[] command(LinkReader reader, byte[] command, int timeoutMillis) throws IOException, InterruptedException {
        byte[] frame = IdCardFrame.encode(command);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            reader.discardPending();
            reader.write(frame);
            byte[] payload = IdCardFrame.next(reader, LinkReader.deadlineIn(timeoutMillis));
            if (payload != null) {
                return payload;
            }
        }
        return null;
    }
}
