package cn.sh.healthcloud.directory;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/stations")
@Tag(name = "Directory", description = "Community health stations: search (public) and maintenance")
class StationResource {

    private final StationSearch search;
    private final StationService service;
    private final SecurityIdentity identity;

    StationResource(StationSearch search, StationService service, SecurityIdentity identity) {
        this.search = search;
        this.service = service;
        this.identity = identity;
    }

    /** Runs on the event loop: the search never leaves memory. */
    @GET
    @PermitAll
    @NonBlocking
    @Operation(summary = "Find stations", description = "Ordered by distance when near is given, by id otherwise")
    public StationPage search(@RestQuery String near, @RestQuery String radius, @RestQuery String type,
            @RestQuery String service, @RestQuery String district, @RestQuery String openAt,
            @RestQuery String openNow, @RestQuery String q, @RestQuery String crs, @RestQuery String page,
            @RestQuery String size) {
        return search.search(new StationSearch.Params(near, radius, type, service, district, openAt, openNow, q, crs,
                page, size));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One station, with its opening hours and closures")
    public Uni<Response> get(@RestPath String id, @RestQuery String crs) {
        return service.find(id, parseCrs(crs))
                .onItem().ifNotNull().transform(station -> Response.ok(station).tag(etag(station)).build())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No station with id " + id));
    }

    @POST
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.DISTRICT_OFFICER })
    @Operation(summary = "Add a station (city admins; district officers in their district)")
    public Uni<Response> create(@Valid @NotNull StationRequest request, @RestQuery String crs, UriInfo uri) {
        return service.create(request, parseCrs(crs), Caller.of(identity))
                .map(station -> Response.created(uri.getAbsolutePathBuilder().path(station.id()).build())
                        .entity(station).tag(etag(station)).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.DISTRICT_OFFICER, Roles.STATION_ADMIN })
    @Operation(summary = "Replace a station's document; send If-Match with the ETag you read to avoid lost updates")
    public Uni<Response> update(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull StationRequest request, @RestQuery String crs) {
        return service.update(id, parseVersion(ifMatch), request, parseCrs(crs), Caller.of(identity))
                .map(station -> Response.ok(station).tag(etag(station)).build());
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.DISTRICT_OFFICER, Roles.STATION_ADMIN })
    @Operation(summary = "Close a station: it leaves search results but stays readable by id")
    public Uni<StationDetails> close(@RestPath String id, @Valid @NotNull CloseRequest request) {
        return service.close(id, request.reason(), Caller.of(identity));
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed({ Roles.CITY_ADMIN, Roles.DISTRICT_OFFICER, Roles.STATION_ADMIN })
    @Operation(summary = "Reopen a closed station")
    public Uni<StationDetails> reopen(@RestPath String id) {
        return service.reopen(id, Caller.of(identity));
    }

    private static EntityTag etag(StationDetails station) {
        return new EntityTag(Integer.toString(station.version()));
    }

    private static CoordinateSystem parseCrs(String crs) {
        return CoordinateSystem.parse(crs).orElseThrow(() -> ProblemException.badRequest("Unknown coordinate system",
                List.of(new FieldError("crs", "must be wgs84 or gcj02"))));
    }

    /** If-Match carries the ETag from a GET: the station's version in quotes (weak tags accepted). */
    private static Integer parseVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be an ETag from this API",
                    List.of(new FieldError("If-Match", "must be a quoted version such as \"3\"")));
        }
    }

}
