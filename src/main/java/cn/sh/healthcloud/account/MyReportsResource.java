package cn.sh.healthcloud.account;

import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The calling resident's reports with their findings and health prescriptions. */
@Path("/api/me/reports")
@RolesAllowed(Roles.RESIDENT)
@Tag(name = "Health account")
class MyReportsResource {

    private final ReportService reports;
    private final SecurityIdentity identity;

    MyReportsResource(ReportService reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My reports, newest first")
    public Uni<ReportPage> mine(@RestQuery String page, @RestQuery String size) {
        return reports.mine(Caller.subjectOf(identity), page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my reports")
    public Uni<ReportView> one(@RestPath String id) {
        return reports.one(Caller.subjectOf(identity), id);
    }
}
