package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Level;
import cn.sh.healthcloud.assessment.Prescription;
import cn.sh.healthcloud.assessment.UrgentFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores answers that {@link AnswerCheck} found valid. */
final class Scoring {

    private Scoring() {
    }

    static QuestionnaireResult score(Questionnaire questionnaire, Map<String, ?> answers) {
        Map<String, Integer> itemScores = new LinkedHashMap<>();
        List<String> optionPrescriptions = new ArrayList<>();
        for (Item item : questionnaire.items()) {
            Object answer = answers.get(item.id());
            if (answer == null) {
                continue;
            }
            int score = switch (item) {
                case ChoiceItem choice -> {
                    Option option = choice.option((String) answer).orElseThrow();
                    optionPrescriptions.addAll(option.prescriptions());
                    yield option.score();
                }
                case NumberItem number -> rangeFor(number, ((Number) answer).doubleValue(), answers).score();
            };
            if (item.scored()) {
                itemScores.put(item.id(), item.weight() * score);
            }
        }
        int total = itemScores.values().stream().mapToInt(Integer::intValue).sum();

        List<Band> bands = questionnaire.bands();
        int bandIndex = bands.indexOf(bands.stream().filter(b -> b.covers(total)).findFirst().orElseThrow());
        List<BandRule> applied = new ArrayList<>();
        for (BandRule rule : questionnaire.bandRules()) {
            if (rule.appliesTo(answers)) {
                applied.add(rule);
                bandIndex = Math.max(bandIndex, bands.indexOf(questionnaire.band(rule.atLeastBand()).orElseThrow()));
            }
        }
        Band band = bands.get(bandIndex);

        List<UrgentFinding> urgent = new ArrayList<>();
        List<String> prescriptionCodes = new ArrayList<>();
        for (Alert alert : questionnaire.alerts()) {
            if (alert.when().holdsFor(answers)) {
                urgent.add(new UrgentFinding(alert.code(), alert.text().zh(), alert.text().en()));
                prescriptionCodes.addAll(alert.prescriptions());
            }
        }
        prescriptionCodes.addAll(band.prescriptions());
        prescriptionCodes.addAll(optionPrescriptions);
        Map<String, Prescription> catalogue = questionnaire.prescriptionsByCode();
        List<Prescription> prescriptions = prescriptionCodes.stream().distinct().map(catalogue::get).toList();

        Level level = urgent.isEmpty() ? band.level() : band.level().worse(Level.URGENT);
        return new QuestionnaireResult(questionnaire.id(), questionnaire.version(), total, band, level, prescriptions,
                urgent, applied, itemScores);
    }

    private static ScoreRange rangeFor(NumberItem item, double value, Map<String, ?> answers) {
        List<ScoreRange> ranges = switch (item.ranges()) {
            case RangeTable.Fixed fixed -> fixed.ranges();
            case RangeTable.ByAnswer byAnswer -> byAnswer.ranges().get((String) answers.get(byAnswer.dependsOn()));
        };
        return ranges.stream().filter(r -> r.contains(value)).findFirst().orElseThrow();
    }
}
