package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sh.healthcloud.assessment.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader refuses definitions that could leave a total without a band, or refer to what they do not define. */
class DefinitionCheckTest {

    /** Two items scoring 0–2 each: totals 0–4. */
    private static final String ITEMS = """
            [
              {"id": "q-1", "type": "choice", "text": {"zh": "一", "en": "One"}, "options": [
                {"value": "a", "score": 0, "text": {"zh": "甲", "en": "A"}},
                {"value": "b", "score": 1, "text": {"zh": "乙", "en": "B"}},
                {"value": "c", "score": 2, "text": {"zh": "丙", "en": "C"}}]},
              {"id": "q-2", "type": "choice", "text": {"zh": "二", "en": "Two"}, "options": [
                {"value": "a", "score": 0, "text": {"zh": "甲", "en": "A"}},
                {"value": "b", "score": 1, "text": {"zh": "乙", "en": "B"}},
                {"value": "c", "score": 2, "text": {"zh": "丙", "en": "C"}}]}
            ]""";

    private static final String GOOD_BANDS = """
            [
              {"code": "low", "from": 0, "to": 1, "level": "normal", "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-keep"]},
              {"code": "high", "from": 2, "to": 4, "level": "see-doctor", "label": {"zh": "高", "en": "High"}}
            ]""";

    private static final String PRESCRIPTIONS = """
            [{"kind": "lifestyle", "code": "rx-keep", "text": {"zh": "保持", "en": "Keep it up"}}]""";

    @Test
    void aWellFormedDefinitionLoads() {
        Questionnaire q = QuestionnaireLoader.parse(definition(ITEMS, GOOD_BANDS, PRESCRIPTIONS), "test.v1.json");

        assertThat(q.minScore()).isZero();
        assertThat(q.maxScore()).isEqualTo(4);
        assertThat(q.band("high").orElseThrow().level()).isEqualTo(Level.SEE_DOCTOR);
        assertThat(q.score(Map.of("q-1", "b", "q-2", "a")).band().code()).isEqualTo("low");
        assertThat(q.score(Map.of("q-1", "b", "q-2", "b")).band().code()).isEqualTo("high");
    }

    @Test
    void aGapBetweenBandsIsRefused() {
        String bands = """
                [
                  {"code": "low", "from": 0, "to": 1, "level": "normal", "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-keep"]},
                  {"code": "high", "from": 3, "to": 4, "level": "see-doctor", "label": {"zh": "高", "en": "High"}}
                ]""";

        assertRefused(definition(ITEMS, bands, PRESCRIPTIONS), "totals 2 have no band (gap between low and high)");
    }

    @Test
    void overlappingBandsAreRefused() {
        String bands = """
                [
                  {"code": "low", "from": 0, "to": 2, "level": "normal", "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-keep"]},
                  {"code": "high", "from": 2, "to": 4, "level": "see-doctor", "label": {"zh": "高", "en": "High"}}
                ]""";

        assertRefused(definition(ITEMS, bands, PRESCRIPTIONS), "bands low and high overlap at totals 2");
    }

    @Test
    void bandsThatStopShortOfTheHighestTotalAreRefused() {
        String bands = """
                [
                  {"code": "low", "from": 0, "to": 1, "level": "normal", "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-keep"]},
                  {"code": "high", "from": 2, "to": 3, "level": "see-doctor", "label": {"zh": "高", "en": "High"}}
                ]""";

        assertRefused(definition(ITEMS, bands, PRESCRIPTIONS), "totals 4 have no band (the highest possible total is 4)");
    }

    @Test
    void bandsThatStartAboveTheLowestTotalAreRefused() {
        String bands = """
                [
                  {"code": "low", "from": 1, "to": 1, "level": "normal", "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-keep"]},
                  {"code": "high", "from": 2, "to": 4, "level": "see-doctor", "label": {"zh": "高", "en": "High"}}
                ]""";

        assertRefused(definition(ITEMS, bands, PRESCRIPTIONS), "totals 0 have no band (the lowest possible total is 0)");
    }

    @Test
    void aBandWithoutALevelIsRefused() {
        String bands = """
                [
                  {"code": "low", "from": 0, "to": 1, "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-keep"]},
                  {"code": "high", "from": 2, "to": 4, "level": "see-doctor", "label": {"zh": "高", "en": "High"}}
                ]""";

        assertRefused(definition(ITEMS, bands, PRESCRIPTIONS), "bands[0].level is required");
        assertRefused(definition(ITEMS, bands.replace("\"label\": {\"zh\": \"低\"", "\"level\": \"fine\", \"label\": {\"zh\": \"低\""),
                PRESCRIPTIONS), "bands[0].level must be normal, attention, see-doctor or urgent");
    }

    @Test
    void bandsListedWorstFirstAreRefused() {
        String bands = """
                [
                  {"code": "low", "from": 0, "to": 1, "level": "see-doctor", "label": {"zh": "低", "en": "Low"}, "prescriptions": ["rx-keep"]},
                  {"code": "high", "from": 2, "to": 4, "level": "normal", "label": {"zh": "高", "en": "High"}}
                ]""";

        assertRefused(definition(ITEMS, bands, PRESCRIPTIONS), "band high is milder than band low before it");
    }

    @Test
    void aDuplicateItemIdIsRefused() {
        assertRefused(definition(ITEMS.replace("\"q-2\"", "\"q-1\""), GOOD_BANDS, PRESCRIPTIONS), "item id q-1 is used twice");
    }

    @Test
    void aDuplicateOptionValueIsRefused() {
        assertRefused(definition(ITEMS.replaceFirst("\"value\": \"b\"", "\"value\": \"a\""), GOOD_BANDS, PRESCRIPTIONS),
                "item q-1: option value 'a' is blank or used twice");
    }

    @Test
    void anUnknownPrescriptionIsRefused() {
        assertRefused(definition(ITEMS, GOOD_BANDS.replace("rx-keep", "rx-missing"), PRESCRIPTIONS),
                "prescription rx-missing is used but not defined");
    }

    @Test
    void aPrescriptionOfAnUnknownKindIsRefused() {
        assertRefused(definition(ITEMS, GOOD_BANDS, PRESCRIPTIONS.replace("lifestyle", "magic")),
                "prescriptions[0].kind must be one of diet, exercise, follow-up, lifestyle");
    }

    @Test
    void aMisspeltFieldIsRefused() {
        assertRefused(definition(ITEMS.replaceFirst("\"type\": \"choice\"", "\"type\": \"choice\", \"requried\": false"),
                GOOD_BANDS, PRESCRIPTIONS), "items[0] has an unknown field \"requried\"");
    }

    @Test
    void aScoredItemThatMayBeLeftOutIsRefused() {
        assertRefused(definition(ITEMS.replaceFirst("\"type\": \"choice\"", "\"type\": \"choice\", \"required\": false"),
                GOOD_BANDS, PRESCRIPTIONS), "item q-1: a scored item must be required");
    }

    @Test
    void anAlertOnAnOptionNotOfferedIsRefused() {
        String json = definition(ITEMS, GOOD_BANDS, PRESCRIPTIONS).replace("\"scoring\"", """
                "alerts": [{"code": "x", "when": {"item": "q-2", "answers": ["z"]}, "text": {"zh": "警", "en": "Alert"}}],
                "scoring\"""");

        assertRefused(json, "alert x: q-2 offers no option 'z'");
    }

    @Test
    void rangesWithAGapAreRefused() {
        String items = """
                [{"id": "n", "type": "number", "text": {"zh": "数", "en": "Number"}, "unit": {"zh": "个", "en": "units"},
                  "min": 0, "max": 100, "ranges": [
                    {"below": 10, "score": 0, "label": {"zh": "少", "en": "few"}},
                    {"from": 11, "score": 4, "label": {"zh": "多", "en": "many"}}]}]""";

        assertRefused(definition(items, GOOD_BANDS, PRESCRIPTIONS), "item n: range 2 must start where range 1 ends (10.0), not at 11.0");
    }

    @Test
    void rangesThatLeaveTheTopUncoveredAreRefused() {
        String items = """
                [{"id": "n", "type": "number", "text": {"zh": "数", "en": "Number"}, "unit": {"zh": "个", "en": "units"},
                  "min": 0, "max": 100, "ranges": [
                    {"below": 10, "score": 0, "label": {"zh": "少", "en": "few"}},
                    {"from": 10, "below": 50, "score": 4, "label": {"zh": "多", "en": "many"}}]}]""";

        assertRefused(definition(items, GOOD_BANDS, PRESCRIPTIONS), "item n: the last range must have no 'below'");
    }

    @Test
    void rangesByAnotherItemNeedATableForEachOfItsOptions() {
        String items = """
                [{"id": "sex", "type": "choice", "text": {"zh": "性别", "en": "Sex"}, "options": [
                    {"value": "male", "score": 0, "text": {"zh": "男", "en": "Male"}},
                    {"value": "female", "score": 0, "text": {"zh": "女", "en": "Female"}}]},
                 {"id": "waist", "type": "number", "text": {"zh": "腰围", "en": "Waist"}, "unit": {"zh": "厘米", "en": "cm"},
                  "min": 30, "max": 250, "rangesBy": {"item": "sex", "ranges": {
                    "male": [{"below": 90, "score": 0, "label": {"zh": "正常", "en": "normal"}},
                             {"from": 90, "score": 4, "label": {"zh": "偏大", "en": "large"}}]}}}]""";

        assertRefused(definition(items, GOOD_BANDS, PRESCRIPTIONS), "item waist: needs one table of ranges for each option of sex");
    }

    @Test
    void onlyAMaleFemaleChoiceCanBeFilledFromTheIdentity() {
        assertRefused(definition(ITEMS.replaceFirst("\"type\": \"choice\"", "\"type\": \"choice\", \"filledFrom\": \"person.sex\""),
                GOOD_BANDS, PRESCRIPTIONS), "item q-1: only a choice of exactly 'male' and 'female' can be filled from person.sex");
    }

    @Test
    void aBandReachedByNeitherScoreNorRuleIsRefused() {
        String bands = GOOD_BANDS.replace("[\n", """
                [
                  {"code": "orphan", "level": "normal", "label": {"zh": "孤", "en": "Orphan"}},
                """);

        assertRefused(definition(ITEMS, bands, PRESCRIPTIONS), "band orphan has no score range and no band rule leads to it");
    }

    @Test
    void anUnknownScoringMethodIsRefused() {
        assertRefused(definition(ITEMS, GOOD_BANDS, PRESCRIPTIONS).replace("\"sum\"", "\"mean\""),
                "scoring.method the only scoring method is \"sum\"");
    }

    @Test
    void brokenJsonIsRefused() {
        assertRefused("{\"id\": ", "is not valid JSON");
    }

    @Test
    void theErrorNamesTheFile() {
        assertThatThrownBy(() -> QuestionnaireLoader.parse(definition(ITEMS, "[]", PRESCRIPTIONS), "broken.v1.json"))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageStartingWith("broken.v1.json: ")
                .hasMessageContaining("there are no bands");
    }

    private static void assertRefused(String json, String problem) {
        assertThatThrownBy(() -> QuestionnaireLoader.parse(json, "test.v1.json"))
                .isInstanceOfSatisfying(InvalidQuestionnaireException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(problem)));
    }

    static String definition(String items, String bands, String prescriptions) {
        return """
                {
                  "id": "test", "version": 1, "kind": "screening-checklist",
                  "title": {"zh": "测试", "en": "Test"}, "instructions": {"zh": "请回答", "en": "Please answer"},
                  "source": {"reference": "A test", "licence": "None needed"},
                  "items": %s,
                  "scoring": {"method": "sum"},
                  "bands": %s,
                  "prescriptions": %s
                }""".formatted(items, bands, prescriptions);
    }
}
