package cn.sh.healthcloud.problem;

import java.util.List;

/**
 * Reads query parameters as the strings clients send, collecting a field error for each bad one,
 * so a request learns about all its mistakes at once rather than from a bare 400 or 404.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number in [min, max], or {@code fallback} when absent. */
    public static int wholeNumber(String name, String value, int fallback, int min, int max,
            List<Problem.FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    /** Fails with every collected error as one 400 problem. */
    public static void rejectIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Some parameters are invalid", errors);
        }
    }
}
