package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Level;
import java.util.List;
import java.util.Objects;

/**
 * A result band: the totals from {@code from} to {@code to} (both inclusive), its level on the
 * report's scale, its label and the prescriptions it calls for. A band with neither bound is
 * reached only through a {@link BandRule} (the stroke screen's "medium risk").
 */
public record Band(String code, Integer from, Integer to, Level level, Text label, List<String> prescriptions) {

    public Band {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(label, "label");
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("band " + code + " needs both from and to, or neither");
        }
        prescriptions = List.copyOf(prescriptions);
    }

    public boolean byScore() {
        return from != null;
    }

    public boolean covers(int score) {
        return byScore() && score >= from && score <= to;
    }
}
