package cn.sh.healthcloud.account;

/** Shows the ends of an identifier and stars the middle: enough for a person to recognise their own. */
final class Masking {

    private Masking() {
    }

    static String keepEnds(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
