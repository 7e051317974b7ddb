package cn.sh.healthcloud.assessment.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.AssessmentEngine;
import cn.sh.healthcloud.assessment.AssessmentThresholds;
import cn.sh.healthcloud.assessment.Finding;
import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Prescription;
import cn.sh.healthcloud.assessment.Readings;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireCatalogue;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireResult;
import cn.sh.healthcloud.measurement.Measurement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Residents for the tests: measurements read through the real reader, findings from the real
 * assessment engine with the reference thresholds, questionnaire results scored by the shipped
 * definitions, so the prescriber is tested against the codes and bands it will really see.
 */
final class Residents {

    static final AssessmentEngine ENGINE = new AssessmentEngine(AssessmentThresholds.reference());
    static final QuestionnaireCatalogue QUESTIONNAIRES = QuestionnaireCatalogue.shipped();
    static final ExercisePrescriber WITHOUT_NORMS = new ExercisePrescriber(FitnessNorms.none());

    private Residents() {
    }

    static ExercisePrescription prescribe(Person person, List<Measurement> session, QuestionnaireResult... results) {
        return prescribe(WITHOUT_NORMS, person, session, results);
    }

    static ExercisePrescription prescribe(ExercisePrescriber prescriber, Person person, List<Measurement> session,
            QuestionnaireResult... results) {
        List<Finding> findings = ENGINE.assess(person, session).findings();
        ExercisePrescription prescription = prescriber.prescribe(person, session, findings, Arrays.asList(results));
        assertThat(prescription.toPrescriptions()).extracting(Prescription::kind).containsOnly(Prescription.EXERCISE);
        return prescription;
    }

    static List<String> codes(ExercisePrescription prescription) {
        return prescription.toPrescriptions().stream().map(Prescription::code).toList();
    }

    static List<String> precautionCodes(ExercisePrescription prescription) {
        return prescription.precautions().stream().map(Precaution::code).toList();
    }

    static List<ExerciseComponent.Kind> kinds(ExercisePrescription prescription) {
        return prescription.components().stream().map(ExerciseComponent::kind).toList();
    }

    static ExerciseComponent aerobic(ExercisePrescription prescription) {
        return prescription.component(ExerciseComponent.Kind.AEROBIC).orElseThrow();
    }

    static Measurement grip(double kg) {
        return Readings.read("type", "grip-strength", "kg", kg);
    }

    static Measurement sitAndReach(double cm) {
        return Readings.read("type", "sit-and-reach", "cm", cm);
    }

    static Measurement reactionTime(double ms) {
        return Readings.read("type", "reaction-time", "ms", ms);
    }

    static Measurement singleLegStand(double seconds) {
        return Readings.read("type", "single-leg-stand", "seconds", seconds);
    }

    static Measurement vitalCapacity(double millilitres) {
        return Readings.read("type", "vital-capacity", "millilitres", millilitres);
    }

    /** The five fitness tests with ordinary values. */
    static List<Measurement> fiveFitnessTests() {
        return List.of(vitalCapacity(3200), grip(33.5), sitAndReach(6), reactionTime(520), singleLegStand(14));
    }

    /** A FRAIL result with this many deficits (resistance, ambulation, illness, weight loss, then fatigue). */
    static QuestionnaireResult frail(int deficits) {
        String[] items = {"frail-resistance", "frail-ambulation", "frail-illness", "frail-weight-loss"};
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("frail-fatigue", deficits > 4 ? "most-of-the-time" : "none-of-the-time");
        for (int i = 0; i < items.length; i++) {
            answers.put(items[i], i < deficits ? "yes" : "no");
        }
        return score("frail", answers);
    }

    /** A stroke risk screen with these factors answered "yes" and every other one "no". */
    static QuestionnaireResult strokeRisk(String... yes) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String item : List.of("stroke-hypertension", "stroke-af-valvular", "stroke-smoking",
                "stroke-dyslipidaemia", "stroke-diabetes", "stroke-inactivity", "stroke-overweight",
                "stroke-family-history", "stroke-history")) {
            answers.put(item, Arrays.asList(yes).contains(item) ? "yes" : "no");
        }
        return score("stroke-risk", answers);
    }

    /** A man of 45 (12 points), BMI 25 (3), waist 87 cm (7), no family history: 22 plus the systolic points. */
    static QuestionnaireResult diabetesRisk(double systolic) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("cdrs-age", 45);
        answers.put("cdrs-bmi", 25.0);
        answers.put("cdrs-sex", "male");
        answers.put("cdrs-waist", 87.0);
        answers.put("cdrs-sbp", systolic);
        answers.put("cdrs-family-history", "no");
        return score("cn-diabetes-risk", answers);
    }

    static QuestionnaireResult score(String questionnaireId, Map<String, Object> answers) {
        return QUESTIONNAIRES.latest(questionnaireId).orElseThrow().score(answers);
    }
}
