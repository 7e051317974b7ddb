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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The calling resident's measurements. Like every /api/me path, it can only ever be one's own. */
@Path("/api/me/observations")
@RolesAllowed(Roles.RESIDENT)
@Tag(name = "Health account")
class MyObservationsResource {

    private final ObservationService observations;
    private final AccountEvents events;
    private final SecurityIdentity identity;

    MyObservationsResource(ObservationService observations, AccountEvents events, SecurityIdentity identity) {
        this.events = events;
        this.observations = observations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My observations, newest first; filter by type and [from, to)")
    public Uni<ObservationPage> list(@RestQuery String type, @RestQuery String from, @RestQuery String to,
            @RestQuery String page, @RestQuery String size) {
        return observations.list(subject(), new ObservationService.ListParams(type, from, to, page, size));
    }

    @GET
    @Path("trend")
    @Operation(summary = "Daily mean/min/max of one measurement type over the last `days` days (default 90)")
    public Uni<TrendView> trend(@RestQuery String type, @RestQuery String days) {
        return observations.trend(subject(), type, days);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my observations")
    public Uni<ObservationView> one(@RestPath String id) {
        return observations.one(subject(), id);
    }

    @POST
    @Operation(summary = "Add a home measurement (validated against plausible ranges)")
    public Uni<Response> add(@Valid @NotNull HomeMeasurementRequest request, UriInfo uri) {
        return observations.addHomeMeasurement(subject(), request).invoke(() -> events.dataChangedOf(subject()))
                .map(view -> Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    private String subject() {
        return Caller.subjectOf(identity);
    }
}
