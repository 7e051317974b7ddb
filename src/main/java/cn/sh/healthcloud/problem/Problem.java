package cn.sh.healthcloud.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} and {@code title} are stable per kind of problem, so
 * clients branch on them; {@code detail} is for people and never carries personal data.
 * Only ever sent inside a {@code Response}, hence registered for reflection (native image).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is in the request and what is wrong with it. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
