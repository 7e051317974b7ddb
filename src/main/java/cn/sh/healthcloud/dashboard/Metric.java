package cn.sh.healthcloud.dashboard;

/** The counted figures: field names of the day and live hashes. */
final class Metric {

    static final String READINGS = "readings";
    static final String ALERTS = "alerts";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String SIGNED = "signed";
    static final String SIGNED_PRIORITY = "signed-priority";
    static final String ENDED = "ended";
    static final String ENDED_PRIORITY = "ended-priority";
    static final String TOTAL = "total";
    static final String TOTAL_PRIORITY = "total-priority";
    static final String ASSESSED = "assessed:";
    static final String ABNORMAL = "abnormal:";
    static final String BOOKED = "booked:";
    static final String CAPACITY = "capacity:";
    static final String NO_SHOWS = "no-shows:";

    private Metric() {
    }

    static String assessed(String kind) {
        return ASSESSED + kind;
    }

    static String abnormal(String kind) {
        return ABNORMAL + kind;
    }
}
