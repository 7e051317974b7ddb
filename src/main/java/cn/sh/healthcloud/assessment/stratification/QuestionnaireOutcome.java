package cn.sh.healthcloud.assessment.stratification;

import java.util.Map;
import java.util.Objects;

/** The latest result of one questionnaire: its id, score and band code, and the answers as given. */
public record QuestionnaireOutcome(String questionnaireId, int score, String band, Map<String, Object> answers) {

    public QuestionnaireOutcome {
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(band, "band");
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    boolean answered(String item, String value) {
        return value.equals(answers.get(item));
    }
}
