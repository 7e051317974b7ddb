package cn.sh.healthcloud.assessment.exercise;

import cn.sh.healthcloud.assessment.questionnaire.Text;
import java.util.Objects;

/** One safety line of an exercise prescription; codes read {@code exercise-precaution-<what>}. */
public record Precaution(String code, Text text) {

    public Precaution {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
