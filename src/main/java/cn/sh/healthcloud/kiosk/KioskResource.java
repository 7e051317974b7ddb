package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** One kiosk: its state, and retiring it. */
@Path("/api/kiosks")
@Tag(name = "Kiosks")
@Authenticated
class KioskResource {

    private final KioskService kiosks;
    private final SecurityIdentity identity;

    KioskResource(KioskService kiosks, SecurityIdentity identity) {
        this.kiosks = kiosks;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One kiosk and its online state")
    public Uni<KioskView> one(@RestPath String id) {
        return kiosks.one(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.DISTRICT_OFFICER, Roles.STATION_ADMIN })
    @Operation(summary = "Retire a kiosk: it keeps its readings, and its new messages are refused")
    public Uni<KioskView> retire(@RestPath String id) {
        return kiosks.retire(Caller.of(identity), id);
    }
}
