package cn.sh.healthcloud.problem;

import java.util.List;

/**
 * A domain failure that the API reports as a problem detail. Features throw the named subclasses;
 * the message becomes {@code detail}, so it must never contain personal data.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemKind.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(ProblemKind.VALIDATION_FAILED, detail, errors);
    }

    public static ProblemException ruleViolated(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(ProblemKind.RULE_VIOLATED, detail, errors);
    }
}
