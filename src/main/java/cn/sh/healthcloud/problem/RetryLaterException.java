package cn.sh.healthcloud.problem;

/** A 429: the caller may try again after {@code retryAfterSeconds}, sent as {@code Retry-After}. */
public class RetryLaterException extends ProblemException {

    private final long retryAfterSeconds;

    public RetryLaterException(String detail, long retryAfterSeconds) {
        super(ProblemKind.TOO_MANY_REQUESTS, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
