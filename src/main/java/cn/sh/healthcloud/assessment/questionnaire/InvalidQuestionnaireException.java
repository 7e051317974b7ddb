package cn.sh.healthcloud.assessment.questionnaire;

import java.util.List;

/** A questionnaire definition that must not be used, with every problem found in it. */
public class InvalidQuestionnaireException extends RuntimeException {

    private final List<String> problems;

    public InvalidQuestionnaireException(String what, List<String> problems) {
        super(what + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
