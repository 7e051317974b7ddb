package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasuredAnswersTest {

    private final Questionnaire cdrs = Shipped.latest("cn-diabetes-risk");

    @Test
    void aKioskSessionFillsEverythingButFamilyHistory() {
        List<Measurement> session = List.of(
                read(Map.of("type", "blood-pressure", "systolic", 138, "diastolic", 85)),
                read(Map.of("type", "waist-hip", "waistCm", 92.0, "hipCm", 100.0)),
                read(Map.of("type", "height-weight", "heightCm", 170.0, "weightKg", 75.0)));

        Map<String, Object> answers = new HashMap<>(MeasuredAnswers.fill(cdrs, Person.of(Sex.MALE, 52), session));

        assertThat(answers).containsOnlyKeys("cdrs-age", "cdrs-sex", "cdrs-bmi", "cdrs-waist", "cdrs-sbp")
                .containsEntry("cdrs-age", 52).containsEntry("cdrs-sex", "male").containsEntry("cdrs-bmi", 26.0)
                .containsEntry("cdrs-waist", 92.0).containsEntry("cdrs-sbp", 138.0);
        assertThat(cdrs.validate(answers)).extracting(AnswerError::field).containsExactly("answers.cdrs-family-history");

        answers.put("cdrs-family-history", "no");
        QuestionnaireResult result = cdrs.score(answers);
        // age 50–54 (13) + BMI 24.0–29.9 (3) + man's waist 90–94.9 (8) + systolic 130–139 (6) + male (2)
        assertThat(result.score()).isEqualTo(32);
        assertThat(result.band().code()).isEqualTo("high-risk");
    }

    @Test
    void theLastMeasurementOfAKindWins() {
        List<Measurement> session = List.of(
                read(Map.of("type", "blood-pressure", "systolic", 150, "diastolic", 95)),
                read(Map.of("type", "blood-pressure", "systolic", 132, "diastolic", 84)));

        assertThat(MeasuredAnswers.fill(cdrs, Person.unknown(), session)).containsExactly(Map.entry("cdrs-sbp", 132.0));
    }

    @Test
    void anAnonymousResidentWithNoMeasurementsFillsNothing() {
        assertThat(MeasuredAnswers.fill(cdrs, Person.unknown(), List.of())).isEmpty();
        assertThat(MeasuredAnswers.fill(Shipped.latest("phq-9"), Person.of(Sex.FEMALE, 30), List.of())).isEmpty();
    }

    @Test
    void anAgeTheScoreWasNotMadeForIsFilledAndThenRefusedByValidation() {
        Map<String, Object> answers = MeasuredAnswers.fill(cdrs, Person.of(Sex.FEMALE, 80), List.of());

        assertThat(answers).containsEntry("cdrs-age", 80).containsEntry("cdrs-sex", "female");
        assertThat(cdrs.validate(answers)).contains(
                new AnswerError("answers.cdrs-age", "must be a whole number from 20 to 74 (years)"));
    }

    private static Measurement read(Map<String, Object> json) {
        return MeasurementReader.read(json).measurement();
    }
}
