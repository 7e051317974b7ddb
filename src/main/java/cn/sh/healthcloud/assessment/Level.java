package cn.sh.healthcloud.assessment;

/** How much a finding, or a whole report, asks of the resident; mildest first. */
public enum Level {
    NORMAL, ATTENTION, SEE_DOCTOR, URGENT;

    /** The more serious of the two: a report is as serious as its worst finding. */
    public Level worse(Level other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
