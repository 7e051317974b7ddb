package cn.sh.healthcloud.assessment.questionnaire;

import java.util.List;
import java.util.Objects;

/**
 * One answer offered by a choice item: the stable value clients send, its score (a reverse-scored
 * item simply lists its scores the other way round), its wording, and the codes of any
 * prescriptions that answer calls for by itself (e.g. "smokes every day" → quit smoking).
 */
public record Option(String value, int score, Text text, List<String> prescriptions) {

    public Option {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        prescriptions = List.copyOf(prescriptions);
    }
}
