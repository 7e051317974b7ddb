package cn.sh.healthcloud.assessment.questionnaire;

/**
 * One thing wrong with a set of answers: the field as a request names it ({@code answers.phq9-9})
 * and what is wrong, in the words of an RFC 9457 problem's {@code errors} list.
 */
public record AnswerError(String field, String message) {

    public static final String PREFIX = "answers.";

    static AnswerError of(String itemId, String message) {
        return new AnswerError(PREFIX + itemId, message);
    }
}
