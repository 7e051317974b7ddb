package cn.sh.healthcloud.dashboard;

import cn.sh.healthcloud.directory.ShanghaiDistrict;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * District dashboards (design §3.2): aggregates only, never a person's data. A district officer
 * reads their district; a city admin reads the city and every district.
 */
@Path("/api/dashboards")
@Tag(name = "Dashboards")
class DashboardResource {

    private final DashboardViews views;
    private final DashboardConfig config;
    private final SecurityIdentity identity;

    DashboardResource(DashboardViews views, DashboardConfig config, SecurityIdentity identity) {
        this.views = views;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Path("city")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The city's figures: today, 7 and 30 days, and each district's headline figures")
    public Uni<Response> city() {
        return document(FigureKeys.CITY);
    }

    @GET
    @Path("city/stream")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The city's figures now and on every change (Server-Sent Events named \"figures\")")
    public Multi<OutboundSseEvent> cityStream(@Context Sse sse) {
        return stream(FigureKeys.CITY, sse);
    }

    @GET
    @Path("districts/{code}")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.CITY_ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A district's figures (its officers and city admins; 403 for another district's officer)")
    public Uni<Response> district(@RestPath String code) {
        return document(permittedDistrict(code));
    }

    @GET
    @Path("districts/{code}/stream")
    @RolesAllowed({Roles.DISTRICT_OFFICER, Roles.CITY_ADMIN})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "A district's figures now and on every change (Server-Sent Events named \"figures\")")
    public Multi<OutboundSseEvent> districtStream(@RestPath String code, @Context Sse sse) {
        return stream(permittedDistrict(code), sse);
    }

    /** What the dashboard page logs in with: public, it holds no secret. */
    @GET
    @Path("client-config")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OIDC settings of the dashboard web page")
    public ClientConfig clientConfig() {
        String realm = config.page().authServerUrl()
                .orElseThrow(() -> ProblemException.notFound("This service has no OIDC provider for the dashboard page"));
        return new ClientConfig(realm.replaceAll("/+$", ""), config.page().clientId());
    }

    record ClientConfig(String authServerUrl, String clientId) {
    }

    private String permittedDistrict(String code) {
        if (!ShanghaiDistrict.isKnown(code)) {
            throw ProblemException.notFound("No district " + code + " (codes are GB/T 2260, e.g. 310110)");
        }
        Caller caller = Caller.of(identity);
        if (!caller.hasRole(Roles.CITY_ADMIN) && !caller.isDistrictOfficerOf(code)) {
            throw ProblemException.forbidden("You may read the figures of your own district only");
        }
        return code;
    }

    private Uni<Response> document(String scope) {
        return views.view(scope).map(view -> Response.ok(view.json(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").build());
    }

    /**
     * Ends when the token that opened it expires: a stream must not outlive the permission it was
     * opened with, and the client reconnects with a fresh token.
     */
    private Multi<OutboundSseEvent> stream(String scope, Sse sse) {
        Duration left = identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0
                ? Duration.ofSeconds(Math.max(1, token.getExpirationTime() - Instant.now().getEpochSecond()))
                : Duration.ofHours(1);
        Multi<OutboundSseEvent> figures = views.follow(scope).map(view -> sse.newEventBuilder().name("figures")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(view.json().toString()).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(figures, heartbeats).select().first(left);
    }
}
