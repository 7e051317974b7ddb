package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Prescription;
import cn.sh.healthcloud.assessment.UrgentFinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one set of answers: the total; the band (the total's, raised by any band rule
 * that held: those are in {@code rulesApplied}); the level (the band's, URGENT when an alert
 * fired); the prescriptions (alerts' first, then the band's, then those of single answers); the
 * urgent findings for the family doctor; and each scored item's weighted score in item order.
 */
public record QuestionnaireResult(String questionnaireId, int version, int score, Band band, Level level,
        List<Prescription> prescriptions, List<UrgentFinding> urgentFindings, List<BandRule> rulesApplied,
        Map<String, Integer> itemScores) {

    public QuestionnaireResult {
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(level, "level");
        prescriptions = List.copyOf(prescriptions);
        urgentFindings = List.copyOf(urgentFindings);
        rulesApplied = List.copyOf(rulesApplied);
        itemScores = Collections.unmodifiableMap(new LinkedHashMap<>(itemScores));
    }

    public boolean urgent() {
        return !urgentFindings.isEmpty();
    }
}
