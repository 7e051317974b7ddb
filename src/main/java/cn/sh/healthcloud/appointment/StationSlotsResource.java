package cn.sh.healthcloud.appointment;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Public availability (no token), served from Redis day by day. */
@Path("/api/stations/{stationId}/slots")
@Tag(name = "Appointments")
class StationSlotsResource {

    private final Availability availability;

    StationSlotsResource(Availability availability) {
        this.availability = availability;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slots of a service at a station over [from, to] (default: today and 6 days), with places left")
    public Uni<String> slots(@RestPath String stationId, @RestQuery String service, @RestQuery String from,
            @RestQuery String to) {
        return availability.slots(new Availability.Params(StationIds.checked(stationId), service, from, to));
    }
}
