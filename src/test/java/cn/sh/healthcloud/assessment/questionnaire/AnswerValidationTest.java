package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerValidationTest {

    private static final String FREQUENCIES = "must be one of: not-at-all, several-days, more-than-half-the-days,"
            + " nearly-every-day";

    private final Questionnaire phq9 = Shipped.latest("phq-9");
    private final Questionnaire cdrs = Shipped.latest("cn-diabetes-risk");

    @Test
    void completeAnswersHaveNoErrors() {
        assertThat(phq9.validate(Shipped.allAnswered(phq9, "several-days"))).isEmpty();
    }

    @Test
    void aMissingRequiredItemIsNamed() {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "not-at-all");
        answers.remove("phq9-3");

        assertThat(phq9.validate(answers)).containsExactly(new AnswerError("answers.phq9-3", "is required"));
    }

    @Test
    void aNullAnswerIsAMissingAnswer() {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "not-at-all");
        answers.put("phq9-9", null);

        assertThat(phq9.validate(answers)).containsExactly(new AnswerError("answers.phq9-9", "is required"));
    }

    @Test
    void anOptionNotOfferedIsRefusedWithTheOptionsThatAre() {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "not-at-all");
        answers.put("phq9-2", "sometimes");
        answers.put("phq9-5", 2);

        assertThat(phq9.validate(answers)).containsExactly(
                new AnswerError("answers.phq9-2", FREQUENCIES),
                new AnswerError("answers.phq9-5", FREQUENCIES));
    }

    @Test
    void anUnknownItemIsRefused() {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "not-at-all");
        answers.put("phq9-10", "somewhat-difficult");

        assertThat(phq9.validate(answers))
                .containsExactly(new AnswerError("answers.phq9-10", "is not an item of phq-9 version 1"));
    }

    @Test
    void everyErrorIsReportedInItemOrderThenUnknownItems() {
        Map<String, Object> answers = new HashMap<>(Shipped.allAnswered(phq9, "not-at-all"));
        answers.remove("phq9-1");
        answers.put("phq9-8", "always");
        answers.put("zz", "x");
        answers.put("aa", "x");

        assertThat(phq9.validate(answers)).extracting(AnswerError::field)
                .containsExactly("answers.phq9-1", "answers.phq9-8", "answers.aa", "answers.zz");
    }

    @Test
    void scoringInvalidAnswersThrowsWithTheErrors() {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "not-at-all");
        answers.remove("phq9-9");

        assertThatThrownBy(() -> phq9.score(answers))
                .isInstanceOfSatisfying(InvalidAnswersException.class, e -> assertThat(e.errors())
                        .containsExactly(new AnswerError("answers.phq9-9", "is required")));
    }

    @Test
    void numbersMustBeNumbersInRange() {
        Map<String, Object> answers = validDiabetesAnswers();
        answers.put("cdrs-age", 75);
        answers.put("cdrs-bmi", "24");
        answers.put("cdrs-sbp", 301);
        answers.put("cdrs-waist", Double.NaN);

        assertThat(cdrs.validate(answers)).containsExactly(
                new AnswerError("answers.cdrs-age", "must be a whole number from 20 to 74 (years)"),
                new AnswerError("answers.cdrs-bmi", "must be a number from 10 to 80 (kg/m²)"),
                new AnswerError("answers.cdrs-waist", "must be a number from 30 to 250 (cm)"),
                new AnswerError("answers.cdrs-sbp", "must be a number from 50 to 300 (mmHg)"));
    }

    @Test
    void anAgeMustBeWhole() {
        Map<String, Object> answers = validDiabetesAnswers();
        answers.put("cdrs-age", 40.5);

        assertThat(cdrs.validate(answers)).extracting(AnswerError::field).containsExactly("answers.cdrs-age");
        answers.put("cdrs-age", 40.0);
        assertThat(cdrs.validate(answers)).isEmpty();
    }

    @Test
    void theRangesOfTheAcceptedValuesAreInclusive() {
        Map<String, Object> answers = validDiabetesAnswers();
        answers.put("cdrs-age", 20);
        answers.put("cdrs-sbp", 300);
        assertThat(cdrs.validate(answers)).isEmpty();
        answers.put("cdrs-age", 19);
        assertThat(cdrs.validate(answers)).extracting(AnswerError::field).containsExactly("answers.cdrs-age");
    }

    private static Map<String, Object> validDiabetesAnswers() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("cdrs-age", 45);
        answers.put("cdrs-sex", "male");
        answers.put("cdrs-bmi", 24.5);
        answers.put("cdrs-waist", 88.0);
        answers.put("cdrs-sbp", 128);
        answers.put("cdrs-family-history", "no");
        return answers;
    }
}
