package cn.sh.healthcloud.assessment.questionnaire;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Holds when the answer to a choice item is one of the listed option values. */
public record AnswerCondition(String item, Set<String> answers) {

    public AnswerCondition {
        Objects.requireNonNull(item, "item");
        answers = Set.copyOf(answers);
    }

    public boolean holdsFor(Map<String, ?> given) {
        return given.get(item) instanceof String value && answers.contains(value);
    }
}
