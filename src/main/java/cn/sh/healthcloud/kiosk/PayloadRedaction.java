package cn.sh.healthcloud.kiosk;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What of a refused message is kept for whoever investigates it: the text with every run of eight
 * or more digits (an ID card or insurance number, valid or not) cut to its first four, and at most
 * 4 KB of it. A refused message may be malformed anywhere, so this does not rely on parsing it.
 */
final class PayloadRedaction {

    static final int MAX_CHARS = 4096;
    private static final Pattern LONG_NUMBER = Pattern.compile("(\\d{4})\\d{4,}[Xx]?");

    private PayloadRedaction() {
    }

    static String redact(byte[] payload) {
        if (payload == null) {
            return null;
        }
        String text = new String(payload, 0, Math.min(payload.length, MAX_CHARS * 4), StandardCharsets.UTF_8);
        String redacted = LONG_NUMBER.matcher(text).replaceAll(m -> m.group(1) + "*".repeat(m.group().length() - 4));
        // PostgreSQL text cannot hold NUL.
        redacted = redacted.replace('\u0000', '\uFFFD');
        return redacted.length() <= MAX_CHARS ? redacted : redacted.substring(0, MAX_CHARS) + "…";
    }
}
