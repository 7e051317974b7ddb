package cn.sh.healthcloud.assessment.questionnaire;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a questionnaire is, so that nobody mistakes a checklist for a validated instrument: a
 * validated scale (PHQ-9, GAD-7, FRAIL), a published risk score or screening rule (the Chinese
 * diabetes risk score, the stroke risk screen), or a screening checklist written for this
 * service from guideline thresholds, not validated as a scale.
 */
public enum QuestionnaireKind {
    VALIDATED_SCALE("validated-scale"),
    RISK_SCORE("risk-score"),
    SCREENING_CHECKLIST("screening-checklist");

    private final String id;

    QuestionnaireKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<QuestionnaireKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
