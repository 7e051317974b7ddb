package cn.sh.healthcloud.assessment.questionnaire;

import java.util.List;

/** Answers that cannot be scored; {@link #errors()} says item by item why. */
public class InvalidAnswersException extends RuntimeException {

    private final transient List<AnswerError> errors;

    public InvalidAnswersException(String questionnaire, List<AnswerError> errors) {
        super("The answers to " + questionnaire + " are incomplete or invalid");
        this.errors = List.copyOf(errors);
    }

    public List<AnswerError> errors() {
        return errors;
    }
}
