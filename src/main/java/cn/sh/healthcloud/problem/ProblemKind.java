package cn.sh.healthcloud.problem;

import java.net.URI;

/** The stable kinds of problem the API reports; their type URIs are part of the HTTP contract. */
public enum ProblemKind {
    BAD_REQUEST(400, "bad-request", "The request is malformed"),
    VALIDATION_FAILED(400, "validation-failed", "The request has invalid fields"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "You are not allowed to do this"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    SLOT_FULL(409, "slot-full", "The slot is fully booked"),
    ALREADY_BOOKED(409, "already-booked", "You already have a booking for this service that day"),
    REQUEST_IN_PROGRESS(409, "request-in-progress", "A request with this Idempotency-Key is still being processed"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since you read it"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RULE_VIOLATED(422, "rule-violated", "The request breaks a domain rule"),
    SLOT_NOT_BOOKABLE(422, "slot-not-bookable", "The slot cannot be booked now"),
    BOOKING_SUSPENDED(422, "booking-suspended", "Booking is suspended after repeated no-shows"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The Idempotency-Key was used for a different request"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL_ERROR(500, "internal-error", "Something went wrong on our side"),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable");

    private static final String BASE = "https://healthcloud.sh.cn/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status && kind != VALIDATION_FAILED) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
