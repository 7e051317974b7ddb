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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The resident's side of "1+1+1". */
@Path("/api/me/family-doctor")
@RolesAllowed(Roles.RESIDENT)
@Tag(name = "Family doctors")
class MyFamilyDoctorResource {

    private final FamilyDoctorService familyDoctors;
    private final AccountEvents events;
    private final SecurityIdentity identity;

    MyFamilyDoctorResource(FamilyDoctorService familyDoctors, AccountEvents events, SecurityIdentity identity) {
        this.familyDoctors = familyDoctors;
        this.events = events;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Sign with a family doctor (one active contract at a time)")
    public Uni<Response> sign(@Valid @NotNull ContractRequest request) {
        return familyDoctors.sign(subject(), request).invoke(events::contractSigned).invoke(() -> events.dataChangedOf(subject())).map(c -> Response.status(Response.Status.CREATED).entity(c).build());
    }

    @GET
    @Operation(summary = "My active family-doctor contract")
    public Uni<ContractView> mine() {
        return familyDoctors.myContract(subject());
    }

    @POST
    @Path("end")
    @Operation(summary = "End my family-doctor contract")
    public Uni<ContractView> end(@Valid EndContractRequest request) {
        return familyDoctors.end(subject(), request == null ? null : request.reason()).invoke(events::contractEnded)
                .invoke(() -> events.dataChangedOf(subject()));
    }

    private String subject() {
        return Caller.subjectOf(identity);
    }
}
