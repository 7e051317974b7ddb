package cn.sh.healthcloud.assessment.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a set of answers against a definition and says, item by item, what is wrong. A null
 * answer counts as no answer. Messages never repeat the answer given (it may be personal).
 */
final class AnswerCheck {

    private AnswerCheck() {
    }

    static List<AnswerError> errors(Questionnaire questionnaire, Map<String, ?> answers) {
        List<AnswerError> errors = new ArrayList<>();
        for (Item item : questionnaire.items()) {
            Object answer = answers.get(item.id());
            if (answer == null) {
                if (item.required()) {
                    errors.add(AnswerError.of(item.id(), "is required"));
                }
                continue;
            }
            switch (item) {
                case ChoiceItem choice -> {
                    if (!(answer instanceof String value) || choice.option(value).isEmpty()) {
                        errors.add(AnswerError.of(item.id(), "must be one of: "
                                + choice.options().stream().map(Option::value).collect(Collectors.joining(", "))));
                    }
                }
                case NumberItem number -> {
                    if (!acceptable(number, answer)) {
                        errors.add(AnswerError.of(item.id(), "must be " + (number.integer() ? "a whole number" : "a number")
                                + " from " + plain(number.min()) + " to " + plain(number.max()) + " (" + number.unit().en()
                                + ")"));
                    }
                }
            }
        }
        for (String unknown : new TreeSet<>(answers.keySet())) {
            if (questionnaire.item(unknown).isEmpty()) {
                errors.add(AnswerError.of(unknown, "is not an item of " + questionnaire.id() + " version "
                        + questionnaire.version()));
            }
        }
        return errors;
    }

    private static boolean acceptable(NumberItem item, Object answer) {
        if (!(answer instanceof Number number)) {
            return false;
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value) || value < item.min() || value > item.max()) {
            return false;
        }
        return !item.integer() || value == Math.rint(value);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
