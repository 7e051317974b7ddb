package cn.sh.healthcloud.assessment.exercise;

/**
 * The score of one fitness test on the 1–5 point scale of the national physical fitness
 * standard (国民体质测定标准): 1 the lowest, 5 the highest.
 */
public record Grade(int points) {

    public static final int MAX = 5;

    /** Grades at or below this are weak components that the prescription targets. */
    public static final int WEAK_UP_TO = 2;

    public Grade {
        if (points < 1 || points > MAX) {
            throw new IllegalArgumentException("points must be 1 to " + MAX + ": " + points);
        }
    }

    public boolean weak() {
        return points <= WEAK_UP_TO;
    }
}
