package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A station's kiosks: listed with their online state, registered by staff. */
@Path("/api/stations/{stationId}/kiosks")
@Tag(name = "Kiosks")
@Authenticated
class StationKioskResource {

    private final KioskService kiosks;
    private final SecurityIdentity identity;

    StationKioskResource(KioskService kiosks, SecurityIdentity identity) {
        this.kiosks = kiosks;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A station's kiosks, retired ones included, with their online state")
    public Uni<List<KioskView>> list(@RestPath String stationId) {
        return kiosks.ofStation(stationId);
    }

    @POST
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.DISTRICT_OFFICER, Roles.STATION_ADMIN })
    @Operation(summary = "Register a kiosk at a smart-health station (its id is generated when none is given)")
    public Uni<Response> register(@RestPath String stationId, @Valid KioskRegistration request) {
        KioskRegistration registration = request == null ? new KioskRegistration(null, null) : request;
        return kiosks.register(Caller.of(identity), stationId, registration)
                .map(kiosk -> Response.created(UriBuilder.fromPath("/api/kiosks/{id}").build(kiosk.id())).entity(kiosk).build());
    }
}
