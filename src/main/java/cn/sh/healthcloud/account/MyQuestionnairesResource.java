package cn.sh.healthcloud.account;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The calling resident's questionnaire answers and results. Like every /api/me path, only ever one's own. */
@Path("/api/me/questionnaires")
@RolesAllowed(Roles.RESIDENT)
@Tag(name = "Health account")
class MyQuestionnairesResource {

    private final QuestionnaireResponseService responses;
    private final AccountEvents events;
    private final SecurityIdentity identity;

    MyQuestionnairesResource(QuestionnaireResponseService responses, AccountEvents events, SecurityIdentity identity) {
        this.events = events;
        this.responses = responses;
        this.identity = identity;
    }

    @POST
    @Path("{questionnaireId}/responses")
    @Operation(summary = "Answer a questionnaire: 201 with the score, band, level and prescriptions",
            description = "422 naming each invalid or missing answer (nothing is stored); 404 for an unknown questionnaire")
    public Uni<Response> answer(@RestPath String questionnaireId, @Valid @NotNull QuestionnaireAnswersRequest request,
            UriInfo uri) {
        return responses.answer(subject(), questionnaireId, request).invoke(() -> events.dataChangedOf(subject()))
                .map(view -> Response.created(uri.getBaseUriBuilder().path("api/me/questionnaires/responses")
                        .path(view.id().toString()).build()).entity(view).build());
    }

    @GET
    @Path("responses")
    @Operation(summary = "My questionnaire responses, newest first; filter by questionnaire id")
    public Uni<QuestionnaireResponsePage> mine(@RestQuery String questionnaire, @RestQuery String page,
            @RestQuery String size) {
        return responses.mine(subject(), new QuestionnaireResponseService.ListParams(questionnaire, page, size));
    }

    @GET
    @Path("responses/{id}")
    @Operation(summary = "One of my questionnaire responses (someone else's id is 404)")
    public Uni<QuestionnaireResponseView> one(@RestPath String id) {
        return responses.one(subject(), id);
    }

    private String subject() {
        return Caller.subjectOf(identity);
    }
}
