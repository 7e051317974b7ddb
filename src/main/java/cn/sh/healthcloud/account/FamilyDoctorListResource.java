package cn.sh.healthcloud.account;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Who the family doctors at a centre are: public, as centres publish their teams. */
@Path("/api/family-doctors")
@PermitAll
@Tag(name = "Family doctors")
class FamilyDoctorListResource {

    private final FamilyDoctorService familyDoctors;

    FamilyDoctorListResource(FamilyDoctorService familyDoctors) {
        this.familyDoctors = familyDoctors;
    }

    @GET
    @Operation(summary = "Family doctors at a community health centre")
    public Uni<List<PractitionerView>> atStation(@RestQuery @NotBlank String station) {
        return familyDoctors.familyDoctorsAt(station);
    }
}
