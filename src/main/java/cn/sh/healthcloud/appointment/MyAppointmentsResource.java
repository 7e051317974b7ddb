package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The calling resident's appointments; like every /api/me path, only ever one's own. */
@Path("/api/me/appointments")
@RolesAllowed(Roles.RESIDENT)
@Tag(name = "Appointments")
class MyAppointmentsResource {

    private final AppointmentLifecycle lifecycle;
    private final SecurityIdentity identity;

    MyAppointmentsResource(AppointmentLifecycle lifecycle, SecurityIdentity identity) {
        this.lifecycle = lifecycle;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My appointments: when=upcoming (default, soonest first) or past (latest first)")
    public Uni<AppointmentPage> list(@RestQuery String when, @RestQuery String page, @RestQuery String size) {
        return lifecycle.list(Caller.subjectOf(identity), when, page, size);
    }
}
