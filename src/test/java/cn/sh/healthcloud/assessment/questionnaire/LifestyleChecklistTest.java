package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Prescription;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifestyleChecklistTest {

    private final Questionnaire lifestyle = Shipped.latest("lifestyle");

    @ParameterizedTest(name = "{0} = {1} scores {2}")
    @CsvSource({
            "lifestyle-smoking, never, 0", "lifestyle-smoking, quit, 0", "lifestyle-smoking, occasionally, 1",
            "lifestyle-smoking, daily, 1",
            "lifestyle-alcohol, none, 0", "lifestyle-alcohol, within-limit, 0", "lifestyle-alcohol, over-limit, 1",
            "lifestyle-activity, 150-minutes-or-more, 0", "lifestyle-activity, under-150-minutes, 1"})
    void eachOptionScores(String item, String answer, int points) {
        Map<String, Object> answers = healthy();
        answers.put(item, answer);

        QuestionnaireResult result = lifestyle.score(answers);

        assertThat(result.itemScores()).containsEntry(item, points);
        assertThat(result.score()).isEqualTo(points);
    }

    @Test
    void noRiskBehaviourIsNormal() {
        QuestionnaireResult result = lifestyle.score(healthy());

        assertThat(result.band().code()).isEqualTo("no-risk-behaviour");
        assertThat(result.level()).isEqualTo(Level.NORMAL);
        assertThat(result.prescriptions()).extracting(Prescription::code).containsExactly("lifestyle-keep-healthy-habits");
    }

    @Test
    void eachRiskBehaviourCallsForItsOwnPrescription() {
        Map<String, Object> smoker = healthy();
        smoker.put("lifestyle-smoking", "daily");
        QuestionnaireResult one = lifestyle.score(smoker);
        assertThat(one.band().code()).isEqualTo("risk-behaviour");
        assertThat(one.level()).isEqualTo(Level.ATTENTION);
        assertThat(one.prescriptions()).extracting(Prescription::code).containsExactly("lifestyle-quit-smoking");

        Map<String, Object> all = Map.of("lifestyle-smoking", "occasionally", "lifestyle-alcohol", "over-limit",
                "lifestyle-activity", "under-150-minutes");
        QuestionnaireResult three = lifestyle.score(all);
        assertThat(three.score()).isEqualTo(3);
        assertThat(three.band().code()).isEqualTo("risk-behaviour");
        assertThat(three.prescriptions()).extracting(Prescription::code)
                .containsExactly("lifestyle-quit-smoking", "lifestyle-limit-alcohol", "exercise-150-minutes");
    }

    private static Map<String, Object> healthy() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("lifestyle-smoking", "never");
        answers.put("lifestyle-alcohol", "none");
        answers.put("lifestyle-activity", "150-minutes-or-more");
        return answers;
    }
}
