package cn.sh.healthcloud.appointment;

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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/appointments")
@Tag(name = "Appointments", description = "Booking, referrals, cancelling, check-in and no-shows")
class AppointmentResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final BookingService booking;
    private final AppointmentLifecycle lifecycle;
    private final SecurityIdentity identity;

    AppointmentResource(BookingService booking, AppointmentLifecycle lifecycle, SecurityIdentity identity) {
        this.booking = booking;
        this.lifecycle = lifecycle;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Book a slot for myself: 201, 409 when full or already booked that day, 422 when not bookable",
            description = "Send an Idempotency-Key header: a retry with the same key returns the first result")
    public Uni<Response> book(@Valid @NotNull BookingRequest request, @RestHeader(IDEMPOTENCY_KEY) String key,
            UriInfo uri) {
        return booking.book(Caller.subjectOf(identity), request, key).map(result -> created(result, uri));
    }

    @POST
    @Path("referrals")
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Book a referral place for a resident signed with me (优先预约)")
    public Uni<Response> refer(@Valid @NotNull ReferralRequest request, @RestHeader(IDEMPOTENCY_KEY) String key,
            UriInfo uri) {
        return booking.refer(Caller.of(identity), request, key).map(result -> created(result, uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "One of my appointments")
    public Uni<AppointmentView> one(@RestPath String id) {
        return lifecycle.mine(Caller.subjectOf(identity), id);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Cancel my appointment (until the cut-off before it starts)")
    public Uni<AppointmentView> cancel(@RestPath String id) {
        return lifecycle.cancel(Caller.subjectOf(identity), id);
    }

    @POST
    @Path("{id}/check-in")
    @RolesAllowed({ Roles.STATION_ADMIN, Roles.DOCTOR })
    @Operation(summary = "Check a resident in, on the day (staff of the appointment's station)")
    public Uni<AppointmentView> checkIn(@RestPath String id) {
        return lifecycle.checkIn(Caller.of(identity), id);
    }

    @POST
    @Path("{id}/no-show")
    @RolesAllowed({ Roles.STATION_ADMIN, Roles.DOCTOR })
    @Operation(summary = "Record a no-show once the appointment started (staff of the appointment's station)")
    public Uni<AppointmentView> noShow(@RestPath String id) {
        return lifecycle.noShow(Caller.of(identity), id);
    }

    private static Response created(BookingResult result, UriInfo uri) {
        Response.ResponseBuilder response = Response.created(uri.getBaseUriBuilder().path("api/appointments")
                .path(result.appointment().id().toString()).build()).entity(result.appointment());
        return result.replayed() ? response.header(REPLAYED, "true").build() : response.build();
    }
}
