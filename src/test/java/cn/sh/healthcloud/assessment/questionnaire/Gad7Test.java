package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gad7Test {

    private final Questionnaire gad7 = Shipped.latest("gad-7");

    @ParameterizedTest(name = "item {0}")
    @ValueSource(strings = {"gad7-1", "gad7-2", "gad7-3", "gad7-4", "gad7-5", "gad7-6", "gad7-7"})
    void eachItemScoresZeroToThree(String itemId) {
        String[] options = {"not-at-all", "several-days", "more-than-half-the-days", "nearly-every-day"};
        for (int score = 0; score < options.length; score++) {
            Map<String, Object> answers = Shipped.allAnswered(gad7, "not-at-all");
            answers.put(itemId, options[score]);

            QuestionnaireResult result = gad7.score(answers);

            assertThat(result.itemScores()).containsEntry(itemId, score);
            assertThat(result.score()).isEqualTo(score);
        }
    }

    @Test
    void sevenItems() {
        assertThat(gad7.items()).hasSize(7);
        assertThat(gad7.alerts()).isEmpty();
    }

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({
            "0, minimal, NORMAL", "4, minimal, NORMAL",
            "5, mild, ATTENTION", "9, mild, ATTENTION",
            "10, moderate, SEE_DOCTOR", "14, moderate, SEE_DOCTOR",
            "15, severe, SEE_DOCTOR", "21, severe, SEE_DOCTOR"
    })
    void bandEdges(int total, String band, Level level) {
        QuestionnaireResult result = gad7.score(Shipped.frequencyAnswersTotalling(gad7, total));

        assertThat(result.score()).isEqualTo(total);
        assertThat(result.band().code()).isEqualTo(band);
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.urgentFindings()).isEmpty();
    }
}
