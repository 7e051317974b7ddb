package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FRAIL (Morley, Malmstrom, Miller 2012): 0 robust, 1–2 pre-frail, 3–5 frail. */
class FrailScaleTest {

    private final Questionnaire frail = Shipped.latest("frail");

    @ParameterizedTest(name = "fatigue {0} scores {1}")
    @CsvSource({"all-of-the-time, 1", "most-of-the-time, 1", "some-of-the-time, 0", "a-little-of-the-time, 0",
            "none-of-the-time, 0"})
    void fatigueCountsOnlyAllOrMostOfTheTime(String answer, int points) {
        Map<String, Object> answers = robust();
        answers.put("frail-fatigue", answer);

        assertThat(frail.score(answers).itemScores()).containsEntry("frail-fatigue", points);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"frail-resistance", "frail-ambulation", "frail-illness", "frail-weight-loss"})
    void eachOtherItemCountsOneForYes(String itemId) {
        Map<String, Object> answers = robust();
        answers.put(itemId, "yes");
        assertThat(frail.score(answers).itemScores()).containsEntry(itemId, 1);
        answers.put(itemId, "no");
        assertThat(frail.score(answers).itemScores()).containsEntry(itemId, 0);
    }

    @ParameterizedTest(name = "{0} deficits: {1}")
    @CsvSource({"0, robust, NORMAL", "1, pre-frail, ATTENTION", "2, pre-frail, ATTENTION", "3, frail, SEE_DOCTOR",
            "5, frail, SEE_DOCTOR"})
    void bandEdges(int deficits, String band, Level level) {
        String[] items = {"frail-resistance", "frail-ambulation", "frail-illness", "frail-weight-loss"};
        Map<String, Object> answers = robust();
        for (int i = 0; i < deficits; i++) {
            if (i == 4) {
                answers.put("frail-fatigue", "most-of-the-time");
            } else {
                answers.put(items[i], "yes");
            }
        }

        QuestionnaireResult result = frail.score(answers);

        assertThat(result.score()).isEqualTo(deficits);
        assertThat(result.band().code()).isEqualTo(band);
        assertThat(result.level()).isEqualTo(level);
    }

    private Map<String, Object> robust() {
        Map<String, Object> answers = Shipped.allAnswered(frail, "no");
        answers.put("frail-fatigue", "none-of-the-time");
        return answers;
    }
}
