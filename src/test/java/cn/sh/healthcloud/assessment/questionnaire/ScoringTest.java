package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Prescription;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoring features the shipped scales do not all use: weights, reverse-scored options, unscored items, band rules. */
class ScoringTest {

    private static final String ITEMS = """
            [
              {"id": "weighted", "type": "choice", "weight": 3, "text": {"zh": "加权", "en": "Weighted"}, "options": [
                {"value": "no", "score": 0, "text": {"zh": "否", "en": "No"}},
                {"value": "yes", "score": 1, "text": {"zh": "是", "en": "Yes"}, "prescriptions": ["rx-item"]}]},
              {"id": "reversed", "type": "choice", "text": {"zh": "反向", "en": "Reversed"}, "options": [
                {"value": "often", "score": 0, "text": {"zh": "经常", "en": "Often"}},
                {"value": "sometimes", "score": 1, "text": {"zh": "有时", "en": "Sometimes"}},
                {"value": "never", "score": 2, "text": {"zh": "从不", "en": "Never"}}]},
              {"id": "flag", "type": "choice", "scored": false, "required": false, "text": {"zh": "标记", "en": "Flag"}, "options": [
                {"value": "no", "score": 0, "text": {"zh": "否", "en": "No"}},
                {"value": "yes", "score": 0, "text": {"zh": "是", "en": "Yes"}}]}
            ]""";

    private static final String BANDS = """
            [
              {"code": "low", "from": 0, "to": 1, "level": "normal", "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-low"]},
              {"code": "raised", "level": "attention", "label": {"zh": "升", "en": "Raised"}, "prescriptions": ["rx-raised"]},
              {"code": "high", "from": 2, "to": 5, "level": "see-doctor", "label": {"zh": "高", "en": "High"}, "prescriptions": ["rx-high"]}
            ]""";

    private static final String PRESCRIPTIONS = """
            [
              {"kind": "lifestyle", "code": "rx-low", "text": {"zh": "低", "en": "Low"}},
              {"kind": "follow-up", "code": "rx-raised", "text": {"zh": "升", "en": "Raised"}},
              {"kind": "follow-up", "code": "rx-high", "text": {"zh": "高", "en": "High"}},
              {"kind": "diet", "code": "rx-item", "text": {"zh": "项", "en": "Item"}}
            ]""";

    private final Questionnaire q = QuestionnaireLoader.parse(DefinitionCheckTest.definition(ITEMS, BANDS, PRESCRIPTIONS)
            .replace("\"scoring\"", """
                    "bandRules": [{"code": "flagged", "anyOf": [{"item": "flag", "answers": ["yes"]}], "atLeastBand": "raised",
                                   "reason": {"zh": "标记", "en": "Flagged"}}],
                    "scoring\""""), "test.v1.json");

    @Test
    void aWeightMultipliesTheItemScore() {
        QuestionnaireResult result = q.score(Map.of("weighted", "yes", "reversed", "often"));

        assertThat(q.maxScore()).isEqualTo(5);
        assertThat(result.itemScores()).containsEntry("weighted", 3);
        assertThat(result.score()).isEqualTo(3);
    }

    @Test
    void aReverseScoredItemListsItsScoresTheOtherWayRound() {
        assertThat(q.score(Map.of("weighted", "no", "reversed", "often")).score()).isZero();
        assertThat(q.score(Map.of("weighted", "no", "reversed", "sometimes")).score()).isEqualTo(1);
        assertThat(q.score(Map.of("weighted", "no", "reversed", "never")).score()).isEqualTo(2);
    }

    @Test
    void anUnscoredOptionalItemAddsNothingAndMayBeLeftOut() {
        assertThat(q.validate(Map.of("weighted", "no", "reversed", "often"))).isEmpty();
        QuestionnaireResult result = q.score(Map.of("weighted", "no", "reversed", "often", "flag", "no"));
        assertThat(result.itemScores()).containsOnlyKeys("weighted", "reversed");
        assertThat(result.band().code()).isEqualTo("low");
    }

    @Test
    void aBandRuleRaisesALowTotalButNeverLowersAHighOne() {
        QuestionnaireResult raised = q.score(Map.of("weighted", "no", "reversed", "often", "flag", "yes"));
        assertThat(raised.band().code()).isEqualTo("raised");
        assertThat(raised.level()).isEqualTo(Level.ATTENTION);
        assertThat(raised.rulesApplied()).extracting(BandRule::code).containsExactly("flagged");
        assertThat(raised.prescriptions()).extracting(Prescription::code).containsExactly("rx-raised");

        QuestionnaireResult high = q.score(Map.of("weighted", "yes", "reversed", "never", "flag", "yes"));
        assertThat(high.band().code()).isEqualTo("high");
        assertThat(high.rulesApplied()).extracting(BandRule::code).containsExactly("flagged");
    }

    @Test
    void prescriptionsComeBandFirstThenFromSingleAnswers() {
        QuestionnaireResult result = q.score(Map.of("weighted", "yes", "reversed", "often"));

        assertThat(result.prescriptions()).extracting(Prescription::code).containsExactly("rx-high", "rx-item");
        assertThat(result.prescriptions().getLast().kind()).isEqualTo(Prescription.DIET);
    }
}
