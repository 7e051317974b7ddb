package cn.sh.healthcloud.assessment;

import java.util.Objects;
import java.util.Set;

/** One health prescription (健康处方) line: kind is "diet", "exercise", "follow-up" or "lifestyle". */
public record Prescription(String kind, String code, String textZh, String textEn) {

    public static final String DIET = "diet";
    public static final String EXERCISE = "exercise";
    public static final String FOLLOW_UP = "follow-up";
    public static final String LIFESTYLE = "lifestyle";

    private static final Set<String> KINDS = Set.of(DIET, EXERCISE, FOLLOW_UP, LIFESTYLE);

    public Prescription {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ": " + kind);
        }
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(textZh, "textZh");
        Objects.requireNonNull(textEn, "textEn");
    }
}
