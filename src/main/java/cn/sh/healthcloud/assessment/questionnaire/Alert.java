package cn.sh.healthcloud.assessment.questionnaire;

import java.util.List;
import java.util.Objects;

/**
 * An item-level alert: when its condition holds, the result carries an urgent finding for the
 * family doctor, whatever the total (PHQ-9 item 9: any thought of self-harm).
 */
public record Alert(String code, AnswerCondition when, Text text, List<String> prescriptions) {

    public Alert {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(text, "text");
        prescriptions = List.copyOf(prescriptions);
    }
}
