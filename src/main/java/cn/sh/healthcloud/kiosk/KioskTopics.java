package cn.sh.healthcloud.kiosk;

import java.util.Optional;

/** The MQTT topics of design §3.3: healthcloud/kiosks/{kioskId}/{readings|sessions|status|reports|rejected}. */
final class KioskTopics {

    static final String PREFIX = "healthcloud/kiosks/";
    static final String READINGS = PREFIX + "+/readings";
    static final String SESSIONS = PREFIX + "+/sessions";
    static final String STATUS = PREFIX + "+/status";

    private KioskTopics() {
    }

    /** What a message on one of our topics is, and which kiosk the topic names. */
    record Address(String kioskId, String kind) {
    }

    static Optional<Address> parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = topic.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Address(rest.substring(0, slash), rest.substring(slash + 1)));
    }

    static String shared(String group, String filter) {
        return "$share/" + group + "/" + filter;
    }

    static String reports(String kioskId) {
        return PREFIX + kioskId + "/reports";
    }

    static String rejected(String kioskId) {
        return PREFIX + kioskId + "/rejected";
    }
}
