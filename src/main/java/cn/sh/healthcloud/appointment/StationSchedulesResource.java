package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/stations/{stationId}/schedules")
@Tag(name = "Appointments")
class StationSchedulesResource {

    private final SchedulePublisher publisher;
    private final SecurityIdentity identity;

    StationSchedulesResource(SchedulePublisher publisher, SecurityIdentity identity) {
        this.publisher = publisher;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.STATION_ADMIN })
    @Operation(summary = "Publish a schedule; its slots are materialised for the rolling window at once")
    public Uni<Response> publish(@RestPath String stationId, @Valid @NotNull ScheduleRequest request) {
        return publisher.publish(StationIds.checked(stationId), request, Caller.of(identity))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @PermitAll
    @Operation(summary = "The station's published schedules")
    public Uni<List<ScheduleView>> list(@RestPath String stationId) {
        return publisher.list(StationIds.checked(stationId));
    }
}
