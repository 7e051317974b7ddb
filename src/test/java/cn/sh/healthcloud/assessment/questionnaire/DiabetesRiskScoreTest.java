package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Prescription;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 中国糖尿病风险评分 (Chinese type 2 diabetes guideline, 2017 and 2020 editions), point by point. */
class DiabetesRiskScoreTest {

    private final Questionnaire cdrs = Shipped.latest("cn-diabetes-risk");

    @ParameterizedTest(name = "age {0} scores {1}")
    @CsvSource({"20, 0", "24, 0", "25, 4", "34, 4", "35, 8", "39, 8", "40, 11", "44, 11", "45, 12", "49, 12",
            "50, 13", "54, 13", "55, 15", "59, 15", "60, 16", "64, 16", "65, 18", "74, 18"})
    void age(int age, int points) {
        assertThat(itemScore("cdrs-age", age)).isEqualTo(points);
    }

    @ParameterizedTest(name = "BMI {0} scores {1}")
    @CsvSource({"18.0, 0", "21.9, 0", "22.0, 1", "23.9, 1", "24.0, 3", "29.9, 3", "30.0, 5", "40.0, 5"})
    void bmi(double bmi, int points) {
        assertThat(itemScore("cdrs-bmi", bmi)).isEqualTo(points);
    }

    @ParameterizedTest(name = "waist {1} cm ({0}) scores {2}")
    @CsvSource({
            "male, 60.0, 0", "male, 74.9, 0", "male, 75.0, 3", "male, 79.9, 3", "male, 80.0, 5", "male, 84.9, 5",
            "male, 85.0, 7", "male, 89.9, 7", "male, 90.0, 8", "male, 94.9, 8", "male, 95.0, 10", "male, 120.0, 10",
            "female, 60.0, 0", "female, 69.9, 0", "female, 70.0, 3", "female, 74.9, 3", "female, 75.0, 5",
            "female, 79.9, 5", "female, 80.0, 7", "female, 84.9, 7", "female, 85.0, 8", "female, 89.9, 8",
            "female, 90.0, 10", "female, 120.0, 10"})
    void waistBySex(String sex, double waist, int points) {
        Map<String, Object> answers = lowest();
        answers.put("cdrs-sex", sex);
        answers.put("cdrs-waist", waist);

        assertThat(cdrs.score(answers).itemScores()).containsEntry("cdrs-waist", points);
    }

    @ParameterizedTest(name = "systolic {0} scores {1}")
    @CsvSource({"90, 0", "109, 0", "110, 1", "119, 1", "120, 3", "129, 3", "130, 6", "139, 6", "140, 7", "149, 7",
            "150, 8", "159, 8", "160, 10", "200, 10"})
    void systolicBloodPressure(int systolic, int points) {
        assertThat(itemScore("cdrs-sbp", systolic)).isEqualTo(points);
    }

    @Test
    void familyHistoryScoresSixAndMaleSexTwo() {
        assertThat(itemScore("cdrs-family-history", "no")).isZero();
        assertThat(itemScore("cdrs-family-history", "yes")).isEqualTo(6);
        assertThat(itemScore("cdrs-sex", "female")).isZero();
        Map<String, Object> male = lowest();
        male.put("cdrs-sex", "male");
        male.put("cdrs-waist", 60.0);
        assertThat(cdrs.score(male).itemScores()).containsEntry("cdrs-sex", 2);
    }

    @Test
    void lowestAndHighestTotals() {
        QuestionnaireResult lowest = cdrs.score(lowest());
        assertThat(lowest.score()).isZero();
        assertThat(lowest.band().code()).isEqualTo("below-cut-off");

        QuestionnaireResult highest = cdrs.score(answers(70, "male", 32.0, 101.0, 165, "yes"));
        assertThat(highest.score()).isEqualTo(51);
        assertThat(highest.band().code()).isEqualTo("high-risk");
    }

    @Test
    void twentyFourIsBelowTheCutOffAndTwentyFiveCallsForAnOgtt() {
        // age 50 (13) + family history (6) + systolic 110 (1) + BMI 22.0 (1) + woman's waist 70 (3) = 24
        QuestionnaireResult below = cdrs.score(answers(50, "female", 22.0, 70.0, 110, "yes"));
        assertThat(below.score()).isEqualTo(24);
        assertThat(below.band().code()).isEqualTo("below-cut-off");
        assertThat(below.level()).isEqualTo(Level.NORMAL);
        assertThat(below.prescriptions()).extracting(Prescription::code).containsExactly("lifestyle-healthy-weight");

        // age 50 (13) + family history (6) + systolic 120 (3) + BMI 24.0 (3) + woman's waist 65 (0) = 25
        QuestionnaireResult at = cdrs.score(answers(50, "female", 24.0, 65.0, 120, "yes"));
        assertThat(at.score()).isEqualTo(25);
        assertThat(at.band().code()).isEqualTo("high-risk");
        assertThat(at.level()).isEqualTo(Level.SEE_DOCTOR);
        assertThat(at.prescriptions()).extracting(Prescription::code)
                .containsExactly("follow-up-ogtt", "diet-diabetes-prevention", "exercise-150-minutes");
    }

    @Test
    void theSameWaistScoresDifferentlyForMenAndWomen() {
        QuestionnaireResult man = cdrs.score(answers(30, "male", 21.0, 87.0, 100, "no"));
        QuestionnaireResult woman = cdrs.score(answers(30, "female", 21.0, 87.0, 100, "no"));

        assertThat(man.itemScores()).containsEntry("cdrs-waist", 7);
        assertThat(woman.itemScores()).containsEntry("cdrs-waist", 8);
        assertThat(man.score()).isEqualTo(4 + 2 + 7);
        assertThat(woman.score()).isEqualTo(4 + 8);
    }

    private int itemScore(String itemId, Object value) {
        Map<String, Object> answers = lowest();
        answers.put(itemId, value);
        return cdrs.score(answers).itemScores().get(itemId);
    }

    private static Map<String, Object> lowest() {
        return answers(20, "female", 18.0, 60.0, 100, "no");
    }

    private static Map<String, Object> answers(int age, String sex, double bmi, double waist, int systolic, String family) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("cdrs-age", age);
        answers.put("cdrs-sex", sex);
        answers.put("cdrs-bmi", bmi);
        answers.put("cdrs-waist", waist);
        answers.put("cdrs-sbp", systolic);
        answers.put("cdrs-family-history", family);
        return answers;
    }
}
