package cn.sh.healthcloud.account;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The family doctor's side: themselves, their signed residents, one resident's record. */
@Path("/api/doctor")
@RolesAllowed(Roles.DOCTOR)
@Tag(name = "Family doctors")
class DoctorResource {

    private final FamilyDoctorService familyDoctors;
    private final DoctorService doctors;
    private final SecurityIdentity identity;

    DoctorResource(FamilyDoctorService familyDoctors, DoctorService doctors, SecurityIdentity identity) {
        this.familyDoctors = familyDoctors;
        this.doctors = doctors;
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
    @Path("residents/{residentId}")
    @Operation(summary = "One signed resident's record (403 for anyone not signed with me); written to their access log")
    public Uni<ResidentRecordView> record(@RestPath String residentId) {
        return doctors.record(Caller.of(identity), residentId);
    }
}
