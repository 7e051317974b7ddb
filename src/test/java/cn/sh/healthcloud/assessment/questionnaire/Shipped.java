package cn.sh.healthcloud.assessment.questionnaire;

import java.util.HashMap;
import java.util.Map;

/** The shipped definitions, loaded once for all tests, and small helpers to build answers. */
final class Shipped {

    static final QuestionnaireCatalogue CATALOGUE = QuestionnaireCatalogue.shipped();

    private Shipped() {
    }

    static Questionnaire latest(String id) {
        return CATALOGUE.latest(id).orElseThrow();
    }

    /** Every choice item answered with {@code value}. */
    static Map<String, Object> allAnswered(Questionnaire questionnaire, String value) {
        Map<String, Object> answers = new HashMap<>();
        for (Item item : questionnaire.items()) {
            answers.put(item.id(), value);
        }
        return answers;
    }

    /** Frequency scale (PHQ-9, GAD-7) answers reaching {@code total}, filling items in order with the highest option first. */
    static Map<String, Object> frequencyAnswersTotalling(Questionnaire questionnaire, int total) {
        String[] byScore = {"not-at-all", "several-days", "more-than-half-the-days", "nearly-every-day"};
        Map<String, Object> answers = new HashMap<>();
        int left = total;
        for (Item item : questionnaire.items()) {
            int score = Math.min(3, left);
            answers.put(item.id(), byScore[score]);
            left -= score;
        }
        if (left != 0) {
            throw new IllegalArgumentException("total out of reach: " + total);
        }
        return answers;
    }
}
