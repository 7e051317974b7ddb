package cn.sh.healthcloud.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into RFC 9457 problem details. Nothing here echoes request
 * content or exception text from libraries: either could carry personal data or internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domainProblem(ProblemException e, UriInfo uri) {
        Response response = respond(e.kind(), e.getMessage(), e.errors(), uri);
        if (e instanceof RetryLaterException later) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, later.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemKind.VALIDATION_FAILED, "Some fields are missing or invalid", errors, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(ProblemKind.BAD_REQUEST, "The body is not well-formed JSON", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            return respond(ProblemKind.VALIDATION_FAILED, "A field has a value of the wrong kind",
                    List.of(new Problem.FieldError(field, reasonOf(mapping))), uri);
        }
        return respond(ProblemKind.BAD_REQUEST, "The body could not be read as the expected JSON", List.of(), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemKind.UNAUTHENTICATED,
                "Send a valid bearer token from the Health Cloud identity provider", List.of(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemKind.FORBIDDEN, "Your role does not allow this", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, UriInfo uri) {
        // The JSON body reader wraps some Jackson failures (e.g. from our enum creators) in a bare 400.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        Response response = respond(kind, kind.title(), List.of(), uri);
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW,
                    e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // The id lets support find the stack trace in the log without showing it to the client.
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(ProblemKind.INTERNAL_ERROR, "Unexpected failure; incident " + incident, List.of(), uri);
    }

    static Response respond(ProblemKind kind, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        Problem problem = new Problem(kind.type(), kind.title(), kind.status(), detail,
                uri == null ? null : uri.getPath(), errors);
        return Response.status(kind.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request field a violation is about, without the method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR) {
                if (node.getKind() == ElementKind.PARAMETER && isQueryLike(violation)) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }

    private static boolean isQueryLike(ConstraintViolation<?> violation) {
        return violation.getLeafBean() == null || violation.getLeafBean() == violation.getRootBean();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Our own enum creators explain themselves; anything else gets a generic reason. */
    private static String reasonOf(JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                && cause.getStackTrace().length > 0
                && cause.getStackTrace()[0].getClassName().startsWith("cn.sh.healthcloud")) {
            return cause.getMessage();
        }
        return "has the wrong type or format";
    }
}
