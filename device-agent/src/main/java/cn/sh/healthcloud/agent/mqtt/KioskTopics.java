package cn.sh.healthcloud.agent.mqtt;

/** The kiosk's topics of design §3.3: healthcloud/kiosks/{kioskId}/{readings|sessions|status|reports}. */
public record KioskTopics(String kioskId) {

    private static final String PREFIX = "healthcloud/kiosks/";

    public String readings() {
        return PREFIX + kioskId + "/readings";
    }

    public String sessions() {
        return PREFIX + kioskId + "/sessions";
    }

    public String status() {
        return PREFIX + kioskId + "/status";
    }

    public String reports() {
        return PREFIX + kioskId + "/reports";
    }
}
