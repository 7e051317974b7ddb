package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/stations/{stationId}/appointment-closures")
@Tag(name = "Appointments")
class StationClosuresResource {

    private final StationClosures closures;
    private final SecurityIdentity identity;

    StationClosuresResource(StationClosures closures, SecurityIdentity identity) {
        this.closures = closures;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.STATION_ADMIN })
    @Operation(summary = "Close days for appointments; their bookings are cancelled with the reason")
    public Uni<Response> close(@RestPath String stationId, @Valid @NotNull ClosureRequest request) {
        return closures.close(StationIds.checked(stationId), request, Caller.of(identity))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }
}
