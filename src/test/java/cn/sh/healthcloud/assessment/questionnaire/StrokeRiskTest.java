package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 8-factor stroke risk screen of the national stroke prevention programme. */
class StrokeRiskTest {

    private static final List<String> FACTORS = List.of("stroke-hypertension", "stroke-af-valvular", "stroke-smoking",
            "stroke-dyslipidaemia", "stroke-diabetes", "stroke-inactivity", "stroke-overweight", "stroke-family-history");

    private final Questionnaire stroke = Shipped.latest("stroke-risk");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stroke-hypertension", "stroke-af-valvular", "stroke-smoking", "stroke-dyslipidaemia",
            "stroke-diabetes", "stroke-inactivity", "stroke-overweight", "stroke-family-history"})
    void eachFactorCountsOneWhenPresent(String factor) {
        assertThat(score(factor, "yes").itemScores()).containsEntry(factor, 1);
        assertThat(score(factor, "yes").score()).isEqualTo(1);
        assertThat(score(factor, "no").itemScores()).containsEntry(factor, 0);
    }

    @Test
    void unknownLipidsCountAsAFactor() {
        assertThat(score("stroke-dyslipidaemia", "unknown").itemScores()).containsEntry("stroke-dyslipidaemia", 1);
    }

    @Test
    void pastStrokeIsNotCountedAsAFactor() {
        QuestionnaireResult result = score("stroke-history", "yes");

        assertThat(result.score()).isZero();
        assertThat(result.itemScores()).doesNotContainKey("stroke-history").hasSize(8);
    }

    @Test
    void noFactorIsLowRisk() {
        QuestionnaireResult result = stroke.score(answers());

        assertThat(result.band().code()).isEqualTo("low");
        assertThat(result.level()).isEqualTo(Level.NORMAL);
        assertThat(result.rulesApplied()).isEmpty();
    }

    @Test
    void twoFactorsWithoutChronicDiseaseAreLowRisk() {
        QuestionnaireResult result = stroke.score(answers("stroke-smoking", "stroke-inactivity"));

        assertThat(result.score()).isEqualTo(2);
        assertThat(result.band().code()).isEqualTo("low");
    }

    @ParameterizedTest(name = "{0} alone is medium risk")
    @ValueSource(strings = {"stroke-hypertension", "stroke-diabetes", "stroke-af-valvular"})
    void fewerThanThreeFactorsWithAChronicDiseaseAreMediumRisk(String disease) {
        QuestionnaireResult alone = stroke.score(answers(disease));
        QuestionnaireResult withAnother = stroke.score(answers(disease, "stroke-smoking"));

        assertThat(alone.band().code()).isEqualTo("medium");
        assertThat(alone.level()).isEqualTo(Level.ATTENTION);
        assertThat(alone.rulesApplied()).extracting(BandRule::code).containsExactly("stroke-chronic-disease");
        assertThat(withAnother.score()).isEqualTo(2);
        assertThat(withAnother.band().code()).isEqualTo("medium");
    }

    @Test
    void threeFactorsAreHighRisk() {
        QuestionnaireResult result = stroke.score(answers("stroke-smoking", "stroke-inactivity", "stroke-overweight"));

        assertThat(result.score()).isEqualTo(3);
        assertThat(result.band().code()).isEqualTo("high");
        assertThat(result.level()).isEqualTo(Level.SEE_DOCTOR);
    }

    @Test
    void allEightFactorsAreHighRisk() {
        QuestionnaireResult result = stroke.score(answers(FACTORS.toArray(String[]::new)));

        assertThat(result.score()).isEqualTo(8);
        assertThat(result.band().code()).isEqualTo("high");
    }

    @Test
    void aPastStrokeOrTiaIsHighRiskWithNoFactor() {
        Map<String, Object> answers = answers();
        answers.put("stroke-history", "yes");

        QuestionnaireResult result = stroke.score(answers);

        assertThat(result.score()).isZero();
        assertThat(result.band().code()).isEqualTo("high");
        assertThat(result.rulesApplied()).extracting(BandRule::code).containsExactly("stroke-previous-stroke-or-tia");
    }

    private QuestionnaireResult score(String item, String answer) {
        Map<String, Object> answers = answers();
        answers.put(item, answer);
        return stroke.score(answers);
    }

    /** Every factor and the history answered "no", except the factors named. */
    private Map<String, Object> answers(String... present) {
        Map<String, Object> answers = Shipped.allAnswered(stroke, "no");
        for (String factor : present) {
            answers.put(factor, "yes");
        }
        return answers;
    }
}
