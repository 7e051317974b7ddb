package cn.sh.healthcloud.account;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import cn.sh.healthcloud.problem.Problem;
import cn.sh.healthcloud.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The family doctor's side: themselves, their signed residents, one resident's record. */
@Path("/api/doctor")
@RolesAllowed(Roles.DOCTOR)
@Tag(name = "Family doctors")
class DoctorResource {

    private final FamilyDoctorService familyDoctors;
    private final DoctorService doctors;
    private final Alerts alerts;
    private final AccountEvents events;
    private final ConditionService conditions;
    private final FollowUps followUps;
    private final HealthManagementList management;
    private final DoctorPanel panel;
    private final SecurityIdentity identity;

    DoctorResource(FamilyDoctorService familyDoctors, DoctorService doctors, Alerts alerts, AccountEvents events,
            ConditionService conditions, FollowUps followUps, HealthManagementList management, DoctorPanel panel,
            SecurityIdentity identity) {
        this.panel = panel;
        this.management = management;
        this.followUps = followUps;
        this.conditions = conditions;
        this.familyDoctors = familyDoctors;
        this.doctors = doctors;
        this.alerts = alerts;
        this.events = events;
        this.identity = identity;
    }

    @GET
    @Path("me")
    @Operation(summary = "Me as a family doctor (registered from my token on the first visit)")
    public Uni<PractitionerView> me() {
        return familyDoctors.registerDoctor(Caller.of(identity));
    }

    @GET
    @Path("residents")
    @Operation(summary = "The residents signed with me")
    public Uni<List<SignedResidentView>> residents() {
        return doctors.signedResidents(Caller.of(identity));
    }

    @GET
    @Path("alerts")
    @Operation(summary = "My alert work list: urgent readings of my residents (open ones unless status=all)")
    public Uni<List<AlertView>> alerts(@RestQuery String status) {
        if (status != null && !status.equals("open") && !status.equals("all")) {
            throw ProblemException.badRequest("Unknown status",
                    List.of(new Problem.FieldError("status", "must be open or all")));
        }
        return alerts.workList(Caller.of(identity), !"all".equals(status));
    }

    @POST
    @Path("alerts/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an alert with a note of what was done")
    public Uni<AlertView> acknowledge(@RestPath String alertId, @Valid @NotNull AcknowledgeRequest request) {
        Caller doctor = Caller.of(identity);
        return alerts.acknowledge(doctor, alertId, request.note())
                .invoke(alert -> events.alertAcknowledged(doctor.station().orElse(null), alert));
    }

    @GET
    @Path("residents/{residentId}")
    @Operation(summary = "One signed resident's record (403 for anyone not signed with me); written to their access log")
    public Uni<ResidentRecordView> record(@RestPath String residentId) {
        return doctors.record(Caller.of(identity), residentId);
    }

    @GET
    @Path("residents/{residentId}/questionnaire-responses")
    @Operation(summary = "A signed resident's questionnaire responses, newest first (403 for anyone not signed with me);"
            + " written to their access log")
    public Uni<QuestionnaireResponsePage> questionnaireResponses(@RestPath String residentId,
            @RestQuery String questionnaire, @RestQuery String page, @RestQuery String size) {
        return doctors.questionnaireResponses(Caller.of(identity), residentId,
                new QuestionnaireResponseService.ListParams(questionnaire, page, size));
    }

    @GET
    @Path("residents/{residentId}/questionnaire-responses/{responseId}")
    @Operation(summary = "One questionnaire response of a signed resident, e.g. the one an alert names; access-logged")
    public Uni<QuestionnaireResponseView> questionnaireResponse(@RestPath String residentId,
            @RestPath String responseId) {
        return doctors.questionnaireResponse(Caller.of(identity), residentId, responseId);
    }

    @POST
    @Path("residents/{residentId}/conditions")
    @Operation(summary = "Record a condition of a signed resident (403 for anyone not signed with me); access-logged")
    public Uni<Response> recordCondition(@RestPath String residentId, @Valid @NotNull ConditionRequest request,
            UriInfo uri) {
        return conditions.record(Caller.of(identity), residentId, request)
                .invoke(recorded -> events.dataChanged(recorded.residentId()))
                .map(recorded -> Response.created(uri.getAbsolutePathBuilder()
                        .path(recorded.condition().id().toString()).build()).entity(recorded.condition()).build());
    }

    @GET
    @Path("residents/{residentId}/conditions")
    @Operation(summary = "The conditions recorded for a signed resident, oldest first; access-logged")
    public Uni<List<ConditionView>> conditions(@RestPath String residentId) {
        return conditions.list(Caller.of(identity), residentId);
    }

    @PATCH
    @Path("residents/{residentId}/conditions/{conditionId}")
    @Operation(summary = "Change a recorded condition's status (e.g. recovering to resolved); access-logged")
    public Uni<ConditionView> changeCondition(@RestPath String residentId, @RestPath String conditionId,
            @Valid @NotNull ConditionChangeRequest request) {
        return conditions.change(Caller.of(identity), residentId, conditionId, request)
                .invoke(recorded -> events.dataChanged(recorded.residentId()))
                .map(ConditionService.Recorded::condition);
    }

    @POST
    @Path("residents/{residentId}/follow-ups")
    @Operation(summary = "Record a follow-up held with a signed resident (the next falls due from it); access-logged")
    public Uni<Response> recordFollowUp(@RestPath String residentId, @Valid @NotNull FollowUpRequest request) {
        return followUps.record(Caller.of(identity), residentId, request)
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @Path("residents/{residentId}/health-management")
    @Operation(summary = "A signed resident's health management list (403 for anyone not signed with me); access-logged")
    public Uni<HealthManagementView> healthManagement(@RestPath String residentId) {
        return management.forDoctor(Caller.of(identity), residentId);
    }

    @GET
    @Path("panel")
    @Operation(summary = "My signed residents by health class (ill first), most overdue follow-up first; masked"
            + " identifiers only; each resident shown is access-logged")
    public Uni<DoctorPanelView> panel(@RestQuery String page, @RestQuery String size) {
        return panel.of(Caller.of(identity), page, size);
    }
}
