package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Prescription;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One version of a questionnaire, as data: its items, the bands its total falls into, the rules
 * that raise a band and the alerts that fire whatever the total, and the prescriptions those
 * call for. A definition is checked whole when it is made (see {@link DefinitionCheck}): one
 * that could leave a total without a band, or refer to something it does not define, is refused.
 * Immutable and thread-safe.
 */
public record Questionnaire(String id, int version, QuestionnaireKind kind, Text title, Text instructions,
        Citation source, List<Item> items, List<Band> bands, List<BandRule> bandRules, List<Alert> alerts,
        List<Prescription> prescriptions) {

    public Questionnaire {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
        bands = List.copyOf(bands);
        bandRules = List.copyOf(bandRules);
        alerts = List.copyOf(alerts);
        prescriptions = List.copyOf(prescriptions);
        List<String> problems = DefinitionCheck.problems(id, version, items, bands, bandRules, alerts, prescriptions);
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException("questionnaire " + id + " v" + version, problems);
        }
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public Optional<Band> band(String code) {
        return bands.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Map<String, Prescription> prescriptionsByCode() {
        return prescriptions.stream().collect(Collectors.toUnmodifiableMap(Prescription::code, Function.identity()));
    }

    /** The lowest total any complete set of answers can reach. */
    public int minScore() {
        return items.stream().mapToInt(Item::minScore).sum();
    }

    /** The highest total any complete set of answers can reach. */
    public int maxScore() {
        return items.stream().mapToInt(Item::maxScore).sum();
    }

    /**
     * Everything wrong with these answers, item by item in the questionnaire's order, then unknown
     * items: empty when they can be scored. Answers map item ids to JSON scalars: a choice item's
     * option value (a string), a number item's number.
     */
    public List<AnswerError> validate(Map<String, ?> answers) {
        return AnswerCheck.errors(this, answers);
    }

    /** Scores valid answers; throws {@link InvalidAnswersException} with every error otherwise. */
    public QuestionnaireResult score(Map<String, ?> answers) {
        List<AnswerError> errors = validate(answers);
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(id + " v" + version, errors);
        }
        return Scoring.score(this, answers);
    }
}
