package cn.sh.healthcloud.agent.serial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key/value line of current Tanita models (devices.md): {@code {0,16,~0,1,~1,1,~2,1,MO,"MC-780",key,value,…,CS,XX}}
 * then CR LF. {@code CS} is the byte sum from {@code {} up to and including the comma before
 * {@code CS}, modulo 256, in two upper-case hex digits (inferred from real frames, not documented).
 */
public final class TanitaFrame {

    static final String HEADER = "{0,16,~0,1,~1,1,~2,1,";
    private static final String CHECKSUM_KEY = ",CS,";

    private TanitaFrame() {
    }

    /** The checksum of {@code text} (from {@code {} through the comma before {@code CS}). */
    public static String checksum(String text) {
        int sum = 0;
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            sum += b & 0xFF;
        }
        return String.format(Locale.ROOT, "%02X", sum & 0xFF);
    }

    /** A whole frame with checksum and CR LF. {@code fields} are in sending order, text values already quoted. */
    public static String encode(String model, Map<String, String> fields) {
        StringBuilder text = new StringBuilder(HEADER).append("MO,\"").append(model).append("\",");
        fields.forEach((key, value) -> text.append(key).append(',').append(value).append(','));
        return text + "CS," + checksum(text.toString()) + "\r\n";
    }

    /**
     * The fields of one line (without CR LF), keyed by their two-letter keys, quotes removed; the
     * header's pairs ({@code {0}, {@code ~0}, …) are included as they come.
     */
    public static Map<String, String> decode(String line) throws FrameException {
        if (!line.startsWith("{")) {
            throw new FrameException("does not start with {");
        }
        int checksumAt = line.lastIndexOf(CHECKSUM_KEY);
        if (checksumAt < 0) {
            throw new FrameException("has no CS field");
        }
        String covered = line.substring(0, checksumAt + 1);
        String sent = line.substring(checksumAt + CHECKSUM_KEY.length()).trim();
        String computed = checksum(covered);
        if (!computed.equalsIgnoreCase(sent)) {
            throw new FrameException("checksum mismatch (sent " + printable(sent) + ", computed " + computed + ")");
        }
        List<String> tokens = tokens(covered.substring(0, covered.length() - 1));
        if (tokens.size() % 2 != 0) {
            throw new FrameException("has a key without a value");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i += 2) {
            fields.put(tokens.get(i), tokens.get(i + 1));
        }
        return fields;
    }

    /** Comma-separated tokens; commas inside double quotes belong to the text value. */
    private static List<String> tokens(String text) throws FrameException {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                tokens.add(token.toString());
                token.setLength(0);
            } else {
                token.append(c);
            }
        }
        if (quoted) {
            throw new FrameException("has an unterminated text value");
        }
        tokens.add(token.toString());
        return tokens;
    }

    /** The sent checksum is two hex digits; anything else is shown only by its length. */
    private static String printable(String sent) {
        return sent.matches("[0-9A-Fa-f]{1,4}") ? sent : "<" + sent.length() + " chars>";
    }
}
