package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Prescription;
import cn.sh.healthcloud.assessment.UrgentFinding;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Phq9Test {

    private final Questionnaire phq9 = Shipped.latest("phq-9");

    @ParameterizedTest(name = "item {0}")
    @ValueSource(strings = {"phq9-1", "phq9-2", "phq9-3", "phq9-4", "phq9-5", "phq9-6", "phq9-7", "phq9-8", "phq9-9"})
    void eachItemScoresZeroToThree(String itemId) {
        assertThat(phq9.item(itemId)).isPresent();
        String[] options = {"not-at-all", "several-days", "more-than-half-the-days", "nearly-every-day"};
        for (int score = 0; score < options.length; score++) {
            Map<String, Object> answers = Shipped.allAnswered(phq9, "not-at-all");
            answers.put(itemId, options[score]);

            QuestionnaireResult result = phq9.score(answers);

            assertThat(result.itemScores()).containsEntry(itemId, score);
            assertThat(result.score()).as(itemId + " = " + options[score]).isEqualTo(score);
        }
    }

    @Test
    void nineItemsInOrder() {
        assertThat(phq9.items()).extracting(Item::id).containsExactly("phq9-1", "phq9-2", "phq9-3", "phq9-4", "phq9-5",
                "phq9-6", "phq9-7", "phq9-8", "phq9-9");
        assertThat(phq9.item("phq9-9").orElseThrow().text().zh()).isEqualTo("有不如死掉或用某种方式伤害自己的念头");
    }

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({
            "0, minimal, NORMAL", "4, minimal, NORMAL",
            "5, mild, ATTENTION", "9, mild, ATTENTION",
            "10, moderate, SEE_DOCTOR", "14, moderate, SEE_DOCTOR",
            "15, moderately-severe, SEE_DOCTOR", "19, moderately-severe, SEE_DOCTOR",
            "20, severe, SEE_DOCTOR", "24, severe, SEE_DOCTOR"
    })
    void bandEdges(int total, String band, Level level) {
        QuestionnaireResult result = phq9.score(Shipped.frequencyAnswersTotalling(phq9, total));

        assertThat(result.score()).isEqualTo(total);
        assertThat(result.band().code()).isEqualTo(band);
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.urgentFindings()).isEmpty();
    }

    @Test
    void theHighestTotalIsSevere() {
        QuestionnaireResult result = phq9.score(Shipped.allAnswered(phq9, "nearly-every-day"));

        assertThat(result.score()).isEqualTo(27);
        assertThat(result.band().code()).isEqualTo("severe");
    }

    @ParameterizedTest(name = "item 9 = {0} alerts with a minimal total")
    @ValueSource(strings = {"several-days", "more-than-half-the-days", "nearly-every-day"})
    void anyAnswerToItemNineOtherThanNotAtAllIsUrgentEvenWithAMinimalTotal(String answer) {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "not-at-all");
        answers.put("phq9-9", answer);

        QuestionnaireResult result = phq9.score(answers);

        assertThat(result.band().code()).isEqualTo("minimal");
        assertThat(result.level()).isEqualTo(Level.URGENT);
        assertThat(result.urgent()).isTrue();
        assertThat(result.urgentFindings()).extracting(UrgentFinding::code).containsExactly("phq9-item9-self-harm");
        assertThat(result.prescriptions().getFirst().code()).isEqualTo("follow-up-self-harm-crisis");
    }

    @ParameterizedTest(name = "item 9 = {0} alerts with a severe total")
    @ValueSource(strings = {"several-days", "more-than-half-the-days", "nearly-every-day"})
    void itemNineAlertsWithASevereTotalToo(String answer) {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "nearly-every-day");
        answers.put("phq9-9", answer);

        QuestionnaireResult result = phq9.score(answers);

        assertThat(result.band().code()).isEqualTo("severe");
        assertThat(result.level()).isEqualTo(Level.URGENT);
        assertThat(result.urgentFindings()).extracting(UrgentFinding::code).containsExactly("phq9-item9-self-harm");
    }

    @Test
    void notAtAllOnItemNineRaisesNoAlertEvenWithASevereTotal() {
        Map<String, Object> answers = Shipped.allAnswered(phq9, "nearly-every-day");
        answers.put("phq9-9", "not-at-all");

        QuestionnaireResult result = phq9.score(answers);

        assertThat(result.score()).isEqualTo(24);
        assertThat(result.band().code()).isEqualTo("severe");
        assertThat(result.level()).isEqualTo(Level.SEE_DOCTOR);
        assertThat(result.urgentFindings()).isEmpty();
        assertThat(result.prescriptions()).extracting(Prescription::code).doesNotContain("follow-up-self-harm-crisis");
    }

    @Test
    void notAtAllOnItemNineRaisesNoAlertWithAMinimalTotal() {
        QuestionnaireResult result = phq9.score(Shipped.allAnswered(phq9, "not-at-all"));

        assertThat(result.level()).isEqualTo(Level.NORMAL);
        assertThat(result.urgentFindings()).isEmpty();
        assertThat(result.prescriptions()).extracting(Prescription::code).containsExactly("lifestyle-mental-wellbeing");
    }

    @Test
    void bandsCallForTheirPrescriptions() {
        assertThat(phq9.score(Shipped.frequencyAnswersTotalling(phq9, 7)).prescriptions()).extracting(Prescription::code)
                .containsExactly("lifestyle-mental-wellbeing", "follow-up-repeat-in-two-weeks");
        assertThat(phq9.score(Shipped.frequencyAnswersTotalling(phq9, 12)).prescriptions()).extracting(Prescription::code)
                .containsExactly("follow-up-mental-health-doctor", "lifestyle-mental-wellbeing");
        assertThat(phq9.score(Shipped.frequencyAnswersTotalling(phq9, 22)).prescriptions()).extracting(Prescription::code)
                .containsExactly("follow-up-mental-health-specialist", "lifestyle-mental-wellbeing");
    }
}
